using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// TLS towards an external broker (Mosquitto's TLS listener): the server certificate must match the host
/// name and chain to the configured CA file (a site's own CA), or to the system's trust store when none is given.
/// </summary>
internal static class MqttTls
{
    /// <summary>The client TLS options for <paramref name="host"/>; <paramref name="caFile"/> is a PEM file or null.</summary>
    public static MqttClientTlsOptions Create(string host, string? caFile)
    {
        var builder = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(host);
        if (!string.IsNullOrWhiteSpace(caFile))
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            builder.WithCertificateValidationHandler(e => Validate(e.Certificate, e.SslPolicyErrors, roots));
        }

        return builder.Build();
    }

    /// <summary>Null when <paramref name="caFile"/> holds at least one PEM certificate, else the reason.</summary>
    public static string? CheckCaFile(string caFile)
    {
        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            return roots.Count > 0 ? null : "holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            return $"cannot be read as PEM certificates ({ex.Message})";
        }
    }

    /// <summary>
    /// Accepts the certificate only when its name matched and it chains to one of <paramref name="roots"/>
    /// (custom root trust: the system store plays no part, so a site CA need not be installed system-wide).
    /// </summary>
    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        // A site CA made with openssl has no revocation list to ask.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
