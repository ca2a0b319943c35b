namespace MppSignage.Controller.Options;

/// <summary>Section <c>Mqtt</c>: the broker (embedded or external) and the controller's connection to it.</summary>
public sealed class MqttOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Mqtt";

    /// <summary><c>embedded</c> (default: an MQTTnet broker inside the controller) or <c>external</c> (e.g. Mosquitto).</summary>
    public string Broker { get; set; } = "embedded";

    /// <summary>Host to connect to (external broker; also the CLI's target).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Port: the embedded broker listens on it, clients connect to it.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Address the embedded broker binds to; loopback unless the LAN must reach it.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>The controller's user name on an external broker.</summary>
    public string? Username { get; set; }

    /// <summary>The controller's password on an external broker.</summary>
    public string? Password { get; set; }

    /// <summary>Client id (default <c>mpp-controller-{site}</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>First reconnect delay in seconds; doubled up to <see cref="ReconnectMaxSeconds"/>.</summary>
    public double ReconnectMinSeconds { get; set; } = 1;

    /// <summary>Longest reconnect delay in seconds.</summary>
    public double ReconnectMaxSeconds { get; set; } = 30;

    /// <summary>Users of the embedded broker (name, role, password hash). Anonymous clients are refused.</summary>
    public List<MqttUserOptions> Users { get; set; } = [];

    /// <summary>True when the embedded broker is used.</summary>
    public bool IsEmbedded => string.Equals(Broker, "embedded", StringComparison.OrdinalIgnoreCase);
}
