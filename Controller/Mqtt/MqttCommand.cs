namespace MppSignage.Controller.Mqtt;

/// <summary>A command message as received, after the common checks (not retained, size within limits).</summary>
/// <param name="Topic">The topic it arrived on.</param>
/// <param name="Payload">The raw payload.</param>
/// <param name="Sender">Who sent it: the broker-verified user name (embedded broker), else the name the client claims, else <c>unknown</c>.</param>
public sealed record MqttCommand(string Topic, ReadOnlyMemory<byte> Payload, string Sender);
