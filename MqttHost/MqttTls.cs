using MppSignage.Shared.Mqtt;
using MQTTnet;

namespace MppSignage.MqttHost;

/// <summary>
/// TLS towards a broker (Mosquitto's TLS listener, docs/broker.md): the server certificate must match the host
/// name and chain to the configured CA file (<see cref="SiteCertificateAuthority"/>), or to the system's trust
/// store when none is given. The one TLS builder of every executable.
/// </summary>
public static class MqttTls
{
    /// <summary>The client TLS options for <paramref name="host"/>; <paramref name="caFile"/> is a PEM file or null.</summary>
    public static MqttClientTlsOptions Create(string host, string? caFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var builder = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(host);
        if (!string.IsNullOrWhiteSpace(caFile))
        {
            var authority = SiteCertificateAuthority.Load(caFile);
            builder.WithCertificateValidationHandler(e => authority.Trusts(e.Certificate, e.SslPolicyErrors));
        }

        return builder.Build();
    }
}
