using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace MppSignage.SignageRenderer.Service;

/// <summary>
/// TLS towards the broker (Mosquitto's TLS listener, docs/broker.md): the certificate must match the host and
/// chain to <c>Mqtt:TlsCaFile</c> (a site's own CA), or to the system's trust store when none is given.
/// The controller has the same rule (Controller/Mqtt/MqttTls.cs); the two executables share no MQTTnet code.
/// </summary>
internal static class SignageMqttTls
{
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

    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        // A site CA made with openssl publishes no revocation list.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
