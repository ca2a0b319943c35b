using MppSignage.Shared.Mqtt;
using MQTTnet;

namespace MppSignage.SignageRenderer.Service;

/// <summary>
/// TLS towards the broker (Mosquitto's TLS listener, docs/broker.md): the certificate must match the host and
/// chain to <c>Mqtt:TlsCaFile</c> (<see cref="SiteCertificateAuthority"/>, the same rule as the controller),
/// or to the system's trust store when none is given.
/// </summary>
internal static class SignageMqttTls
{
    public static MqttClientTlsOptions Create(string host, string? caFile)
    {
        var builder = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(host);
        if (!string.IsNullOrWhiteSpace(caFile))
        {
            var authority = SiteCertificateAuthority.Load(caFile);
            builder.WithCertificateValidationHandler(e => authority.Trusts(e.Certificate, e.SslPolicyErrors));
        }

        return builder.Build();
    }
}
