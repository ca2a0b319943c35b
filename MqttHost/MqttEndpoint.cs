using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MppSignage.MqttHost;

/// <summary>
/// Where and as whom an executable connects: broker host and port, credentials, client id, TLS, Last Will.
/// Every connection is MQTT 5 with a clean start. <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class MqttEndpoint
{
    /// <summary>MQTTnet's keep-alive when nothing else is said (the broker drops a silent client after 1.5×).</summary>
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>How long one connect attempt may take.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Broker host name or address.</summary>
    public required string Host { get; init; }

    /// <summary>Broker TCP port.</summary>
    public required int Port { get; init; }

    /// <summary>The MQTT user; the broker derives the role (and the response topic) from it.</summary>
    public required string Username { get; init; }

    /// <summary>The MQTT password (null sends none; the site's brokers then refuse the connection).</summary>
    public required string? Password { get; init; }

    /// <summary>The MQTT client id (unique per connection on the broker).</summary>
    public required string ClientId { get; init; }

    /// <summary>Connect over TLS (<see cref="MqttTls"/>).</summary>
    public bool Tls { get; init; }

    /// <summary>PEM file of the site CA for TLS, or null for the system trust store.</summary>
    public string? TlsCaFile { get; init; }

    /// <summary>MQTT keep-alive period.</summary>
    public TimeSpan KeepAlive { get; init; } = DefaultKeepAlive;

    /// <summary>Timeout of one connect attempt (and of MQTTnet's request/acknowledge waits).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>
    /// The largest packet this client accepts (MQTT 5 Maximum Packet Size, sent on connect: the broker drops larger
    /// messages for this client instead of sending them); null for the protocol's unlimited.
    /// </summary>
    public uint? MaximumPacketSize { get; init; }

    /// <summary>Retained QoS 1 Last Will, e.g. <c>offline</c> on the availability topic; null for none.</summary>
    public MqttLastWill? Will { get; init; }

    /// <summary>
    /// The MQTTnet options for one connect attempt. Built again for every attempt, so a renewed CA file is read
    /// on the next reconnect.
    /// </summary>
    public MqttClientOptions BuildOptions()
    {
        if (Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"MQTT port {Port} is not a TCP port 1-65535.");
        }

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Host, Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(ClientId)
            .WithCredentials(Username, Password)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(KeepAlive)
            .WithTimeout(Timeout);
        if (MaximumPacketSize is { } max)
        {
            builder.WithMaximumPacketSize(max);
        }

        if (Will is { } will)
        {
            builder.WithWillTopic(will.Topic)
                .WithWillPayload(will.Payload)
                .WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        if (Tls)
        {
            builder.WithTlsOptions(MqttTls.Create(Host, TlsCaFile));
        }

        return builder.Build();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Username}@{Host}:{Port}{(Tls ? " (TLS)" : "")}";
}

/// <summary>A retained QoS 1 Last Will: the broker publishes <paramref name="Payload"/> on <paramref name="Topic"/> when the connection dies.</summary>
/// <param name="Topic">Will topic, e.g. the availability topic.</param>
/// <param name="Payload">Will payload, e.g. <c>offline</c>.</param>
public sealed record MqttLastWill(string Topic, string Payload);
