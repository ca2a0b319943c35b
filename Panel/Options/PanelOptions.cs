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
