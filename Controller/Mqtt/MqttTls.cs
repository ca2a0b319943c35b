using MppSignage.Shared.Mqtt;
using MQTTnet;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// TLS towards an external broker (Mosquitto's TLS listener): the server certificate must match the host
/// name and chain to the configured CA file (<see cref="SiteCertificateAuthority"/>), or to the system's
/// trust store when none is given.
/// </summary>
internal static class MqttTls
{
    /// <summary>The client TLS options for <paramref name="host"/>; <paramref name="caFile"/> is a PEM file or null.</summary>
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

    /// <summary>Null when <paramref name="caFile"/> holds at least one PEM certificate, else the reason.</summary>
    public static string? CheckCaFile(string caFile) => SiteCertificateAuthority.Check(caFile);
}
