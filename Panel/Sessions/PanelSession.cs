using MppSignage.Panel.Mqtt;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Panel.Sessions;

/// <summary>One logged-in user: the broker connection made with their password, and when they were last seen.</summary>
public sealed class PanelSession
{
    internal PanelSession(string id, string user, MqttRole role, PanelMqttConnection connection, long lastSeen)
    {
        Id = id;
        User = user;
        Role = role;
        Connection = connection;
        LastSeen = lastSeen;
    }

    /// <summary>Random 256-bit id (only inside the protected cookie).</summary>
    public string Id { get; }

    /// <summary>The broker user.</summary>
    public string User { get; }

    /// <summary>Staff or admin.</summary>
    public MqttRole Role { get; }

    /// <summary>True for admins.</summary>
    public bool IsAdmin => Role == MqttRole.Admin;

    /// <summary>The user's own broker connection.</summary>
    public PanelMqttConnection Connection { get; }

    /// <summary>Last screenshot or preview received, per key (kept in memory for the image endpoint).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Images { get; } = new(StringComparer.Ordinal);

    internal long LastSeen { get; set; }
}
