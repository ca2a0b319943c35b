using MppSignage.Shared.Mqtt;

namespace MppSignage.Panel.Options;

/// <summary>The <c>Panel</c> configuration section.</summary>
public sealed class PanelOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "Panel";

    /// <summary>Default idle time after which a session ends (minutes).</summary>
    public const int DefaultSessionIdleMinutes = 15;

    /// <summary>Site id (topic level <c>mpp/{site}</c>).</summary>
    public string Site { get; set; } = "probolinggo";

    /// <summary>The site's time zone (for "until 15:00 today").</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>One URL: <c>https://0.0.0.0:8443</c> (with a certificate) or <c>http://127.0.0.1:8080</c> (loopback only).</summary>
    public string Listen { get; set; } = "https://0.0.0.0:8443";

    /// <summary>PEM certificate for HTTPS.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key for HTTPS.</summary>
    public string? CertificateKeyFile { get; set; }

    /// <summary>Minutes without a request after which a session ends and its broker connection closes.</summary>
    public double SessionIdleMinutes { get; set; } = DefaultSessionIdleMinutes;

    /// <summary>Broker host.</summary>
    public string MqttHost { get; set; } = "127.0.0.1";

    /// <summary>Broker port.</summary>
    public int MqttPort { get; set; } = 1883;

    /// <summary>TLS to the broker.</summary>
    public bool MqttTls { get; set; }

    /// <summary>Site CA for the broker's certificate (PEM), when <see cref="MqttTls"/>.</summary>
    public string? MqttTlsCaFile { get; set; }

    /// <summary>Seconds to wait for the controller's answer to a command.</summary>
    public double CommandTimeoutSeconds { get; set; } = 5;

    /// <summary>Default <see cref="MaxUploadBytes"/>: the controller's default <c>Assets:MaxUploadBytes</c>.</summary>
    public const int DefaultMaxUploadBytes = 6 * 1024 * 1024;

    /// <summary>Largest <see cref="MaxUploadBytes"/>: Mosquitto's <c>max_packet_size</c> in deploy-pi (8 MiB) less 64 KiB, as the controller's ceiling.</summary>
    public const int MaxUploadBytesCeiling = (8 * 1024 * 1024) - (64 * 1024);

    /// <summary>What the form around a poster file may add to a request (its other fields and multipart headers).</summary>
    public const int UploadFormOverheadBytes = 256 * 1024;

    /// <summary>
    /// Largest poster file accepted by the announcement editor (bytes). A request is bounded to this plus
    /// <see cref="UploadFormOverheadBytes"/> before anything is buffered; a larger file within that gets its refusal at
    /// the field, a larger request a 413. Keep it at most the controller's <c>Assets:MaxUploadBytes</c>.
    /// </summary>
    public int MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>The broker users that may log in and their roles (names only: the broker checks the password).</summary>
    public List<PanelUser> Users { get; set; } = [];

    /// <summary>The role of <paramref name="name"/> when it is a staff or admin user; else null.</summary>
    public MqttRole? RoleOf(string name)
    {
        var user = Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.Ordinal));
        return RoleTopicRules.ParseRole(user?.Role) is { } role && role is MqttRole.Staff or MqttRole.Admin ? role : null;
    }
}

/// <summary>One entry of <see cref="PanelOptions.Users"/>.</summary>
public sealed class PanelUser
{
    /// <summary>Broker user name.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>staff</c> or <c>admin</c> (the role the broker gives this user).</summary>
    public string Role { get; set; } = "";
}
