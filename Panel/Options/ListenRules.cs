using System.Net;

namespace MppSignage.Panel.Options;

/// <summary>HTTPS everywhere; plain HTTP only on a loopback address (the local run).</summary>
public static class ListenRules
{
    /// <summary>The problems of <see cref="PanelOptions.Listen"/> and the certificate keys.</summary>
    public static IEnumerable<string> Check(PanelOptions o)
    {
        if (!Uri.TryCreate(o.Listen, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"Panel:Listen '{o.Listen}' must be an http(s) URL, like https://0.0.0.0:8443 or http://127.0.0.1:8080.";
            yield break;
        }

        if (uri.Scheme == "http" && !IsLoopback(uri.Host))
        {
            yield return $"Panel:Listen '{o.Listen}' is plain HTTP on a network address; passwords would cross the network in clear text. Use https:// (with Panel:CertificateFile/Panel:CertificateKeyFile) or bind http to 127.0.0.1.";
        }

        if (uri.Scheme == "https")
        {
            if (string.IsNullOrWhiteSpace(o.CertificateFile) || !File.Exists(o.CertificateFile))
            {
                yield return $"Panel:CertificateFile '{o.CertificateFile}' does not exist; create a PEM certificate (e.g. openssl req -x509 -newkey rsa:2048 -nodes -keyout panel.key -out panel.crt -subj /CN=mpp-panel) or set Panel:Listen to http://127.0.0.1:PORT for a local run.";
            }

            if (string.IsNullOrWhiteSpace(o.CertificateKeyFile) || !File.Exists(o.CertificateKeyFile))
            {
                yield return $"Panel:CertificateKeyFile '{o.CertificateKeyFile}' does not exist; give the PEM private key of Panel:CertificateFile.";
            }
        }
    }

    /// <summary>True for <c>localhost</c>, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(string host) =>
        host == "localhost" || IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
}
