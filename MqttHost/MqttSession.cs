using MQTTnet;
using MQTTnet.Packets;

namespace MppSignage.MqttHost;

/// <summary>
/// What a long-running executable does with each connection that <see cref="MqttConnection"/> makes:
/// the subscriptions (made again after every reconnect, the session starts clean), what to do once connected,
/// what to run while connected, and what to do when the connection ends.
/// </summary>
public sealed class MqttSession
{
    /// <summary>Topic filters subscribed after every connect. Refused filters are logged and the session goes on.</summary>
    public IReadOnlyList<MqttTopicFilter> Subscriptions { get; init; } = [];

    /// <summary>Runs after the subscriptions, e.g. to publish <c>online</c> and republish retained state; may be null.</summary>
    public Func<IMqttClient, CancellationToken, Task>? OnConnectedAsync { get; init; }

    /// <summary>
    /// Runs while connected, e.g. an outbox pump; returning or throwing ends the connection and a reconnect
    /// follows. Its token is cancelled when the broker drops the connection. Null: wait until the broker drops it.
    /// </summary>
    public Func<IMqttClient, CancellationToken, Task>? WhileConnectedAsync { get; init; }

    /// <summary>Runs when a connection that was made ends (before the backoff delay); may be null.</summary>
    public Action? OnDisconnected { get; init; }
}
