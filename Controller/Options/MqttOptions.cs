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

    /// <summary>Connect to the external broker with TLS (e.g. Mosquitto's TLS listener, port 8883).</summary>
    public bool Tls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate; empty: the system's trust store.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>
    /// Client id. Default: <c>mpp-controller-{site}-</c> and 16 random hex digits made at start, so nobody can
    /// guess it to take over (or be refused in place of) the controller's session.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>First reconnect delay in seconds; doubled up to <see cref="ReconnectMaxSeconds"/>.</summary>
    public double ReconnectMinSeconds { get; set; } = 1;

    /// <summary>Longest reconnect delay in seconds.</summary>
    public double ReconnectMaxSeconds { get; set; } = 30;

    /// <summary>Users of the embedded broker (name, role, password hash). Anonymous clients are refused.</summary>
    public List<MqttUserOptions> Users { get; set; } = [];

    /// <summary>Embedded broker: open connections at most; more are closed at accept, before a byte is read.</summary>
    public int MaxConnections { get; set; } = 64;

    /// <summary>Embedded broker: connections still sending their CONNECT at most; more are closed at accept.</summary>
    public int MaxUnauthenticatedConnections { get; set; } = 16;

    /// <summary>Embedded broker: connections of one user at most (the controller itself excepted).</summary>
    public int MaxConnectionsPerUser { get; set; } = 16;

    /// <summary>Embedded broker: seconds from accept to a complete CONNECT packet; a slower client is cut off.</summary>
    public double ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>Embedded broker: largest CONNECT packet in bytes (user, password, will); checked on its header.</summary>
    public int MaxConnectPacketBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Embedded broker: largest packet in bytes after CONNECT, checked on its header before the body is read.
    /// The default fits a 64 KiB command with its topic and properties.
    /// </summary>
    public int MaxPacketBytes { get; set; } = 128 * 1024;

    /// <summary>Embedded broker: largest packet of the controller itself and of screens (a screenshot PNG).</summary>
    public int MaxLargePacketBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>True when the embedded broker is used.</summary>
    public bool IsEmbedded => string.Equals(Broker, "embedded", StringComparison.OrdinalIgnoreCase);
}
