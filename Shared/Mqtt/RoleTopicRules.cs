using System.Text;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The single source of truth for who may publish and receive what. The embedded broker enforces it
/// directly; the Mosquitto ACL file is generated from it by <see cref="ToMosquittoAcl"/>.
/// </summary>
public static class RoleTopicRules
{
    /// <summary>Every rule. Command topics are write-only for the roles that may send them.</summary>
    public static IReadOnlyList<TopicRule> All { get; } =
    [
        // The controller publishes state and results, and receives every command of its site and the broadcasts.
        new(MqttRole.Controller, TopicAccess.Write, "mpp/{site}/status"),
        new(MqttRole.Controller, TopicAccess.Write, "mpp/{site}/availability"),
        new(MqttRole.Controller, TopicAccess.Write, "mpp/{site}/schedule"),
        new(MqttRole.Controller, TopicAccess.Write, "mpp/{site}/events"),
        new(MqttRole.Controller, TopicAccess.Write, "mpp/{site}/announcements"),
        new(MqttRole.Controller, TopicAccess.Write, "mpp/{site}/assets/+"),
        new(MqttRole.Controller, TopicAccess.Write, "mpp/{site}/responses/#"),
        new(MqttRole.Controller, TopicAccess.Read, "mpp/{site}/#"),
        new(MqttRole.Controller, TopicAccess.Read, "mpp/all/#"),
        // Home Assistant discovery: the site's own configs (node id = site id), and HA's birth message
        // ("online"), after which the configs are republished.
        new(MqttRole.Controller, TopicAccess.Write, "homeassistant/+/{site}/#"),
        new(MqttRole.Controller, TopicAccess.Read, "homeassistant/status"),

        // Staff override the door and read the state.
        new(MqttRole.Staff, TopicAccess.Write, "mpp/{site}/override/set"),
        new(MqttRole.Staff, TopicAccess.Write, "mpp/{site}/history/get"),
        new(MqttRole.Staff, TopicAccess.Read, "mpp/{site}/status"),
        new(MqttRole.Staff, TopicAccess.Read, "mpp/{site}/availability"),
        new(MqttRole.Staff, TopicAccess.Read, "mpp/{site}/schedule"),
        new(MqttRole.Staff, TopicAccess.Read, "mpp/{site}/events"),
        new(MqttRole.Staff, TopicAccess.Read, "mpp/{site}/announcements"),
        new(MqttRole.Staff, TopicAccess.Read, "mpp/{site}/responses/{user}/#"),

        // Admins send every command and read everything of the site.
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/override/set"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/schedule/set"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/announcements/set"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/announcements/delete"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/uploads/put"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/all/announcements/set"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/all/announcements/delete"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/screens/+/screenshot/get"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/history/get"),
        new(MqttRole.Admin, TopicAccess.Write, "mpp/{site}/screens/+/preview/get"),
        new(MqttRole.Admin, TopicAccess.Read, "mpp/{site}/#"),
        new(MqttRole.Admin, TopicAccess.Read, "mpp/all/#"),

        // Screens read the state and answer screenshot requests, each only as its own screen id
        // ({screen}: the id its user is bound to, ScreenUsers.ScreenIdOf).
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/status"),
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/availability"),
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/schedule"),
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/announcements"),
        // The posters (retained, binary); a screen subscribes only to the ids its announcements name.
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/assets/+"),
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/screens/{screen}/screenshot/get"),
        new(MqttRole.Screen, TopicAccess.Write, "mpp/{site}/screens/{screen}/screenshot"),
        new(MqttRole.Screen, TopicAccess.Write, "mpp/{site}/screens/{screen}/availability"),
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/screens/{screen}/preview/get"),
        new(MqttRole.Screen, TopicAccess.Write, "mpp/{site}/screens/{screen}/preview"),
        new(MqttRole.Screen, TopicAccess.Read, "mpp/{site}/responses/{user}/#"),

        // Home Assistant reads discovery configs and the state, announces itself, and overrides like staff.
        new(MqttRole.HomeAssistant, TopicAccess.Read, "homeassistant/#"),
        new(MqttRole.HomeAssistant, TopicAccess.Write, "homeassistant/status"),
        new(MqttRole.HomeAssistant, TopicAccess.Read, "mpp/{site}/status"),
        new(MqttRole.HomeAssistant, TopicAccess.Read, "mpp/{site}/availability"),
        new(MqttRole.HomeAssistant, TopicAccess.Write, "mpp/{site}/override/set"),
        new(MqttRole.HomeAssistant, TopicAccess.Read, "mpp/{site}/responses/{user}/#"),
    ];

    /// <summary>The wire name of a role (<c>controller</c>, <c>staff</c>, <c>admin</c>, <c>screen</c>, <c>homeassistant</c>).</summary>
    public static string Name(MqttRole role) => role.ToString().ToLowerInvariant();

    /// <summary>Parses a role name; null when unknown.</summary>
    public static MqttRole? ParseRole(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "controller" => MqttRole.Controller,
        "staff" => MqttRole.Staff,
        "admin" => MqttRole.Admin,
        "screen" => MqttRole.Screen,
        "homeassistant" => MqttRole.HomeAssistant,
        _ => null,
    };

    /// <summary>True when <paramref name="role"/> may publish to <paramref name="topic"/>.</summary>
    /// <param name="role">The publisher's role.</param>
    /// <param name="topic">The concrete topic.</param>
    /// <param name="site">The site id the rules are bound to, or <c>+</c> for every site.</param>
    /// <param name="user">The publisher's user name.</param>
    public static bool CanPublish(MqttRole role, string topic, string site, string user) =>
        All.Any(r => r.Role == role && r.Access.HasFlag(TopicAccess.Write) && r.Expand(site, user) is { } filter && TopicFilter.Matches(filter, topic));

    /// <summary>True when <paramref name="role"/> may receive messages on <paramref name="topic"/>.</summary>
    public static bool CanRead(MqttRole role, string topic, string site, string user) =>
        All.Any(r => r.Role == role && r.Access.HasFlag(TopicAccess.Read) && r.Expand(site, user) is { } filter && TopicFilter.Matches(filter, topic));

    /// <summary>
    /// True when a subscription to <paramref name="filter"/> can deliver anything readable. Like Mosquitto,
    /// a broad filter (<c>mpp/#</c>) is granted and each message is then checked with <see cref="CanRead"/>.
    /// </summary>
    public static bool CanSubscribe(MqttRole role, string filter, string site, string user) =>
        All.Any(r => r.Role == role && r.Access.HasFlag(TopicAccess.Read) && r.Expand(site, user) is { } own && TopicFilter.Overlaps(own, filter));

    /// <summary>
    /// The Mosquitto ACL file giving exactly these rights, bound to <paramref name="site"/> (or <c>+</c> for
    /// every site): the per-user rules (<c>{user}</c>, every role has them or more) once as <c>pattern</c>
    /// lines with <c>%u</c>, which Mosquitto applies to every authenticated user by its own name, so each
    /// user (hand-added ones too) reads only its own responses; then one block per user, where the
    /// <c>{screen}</c> rules name that user's own screen id (none for a user bound to no screen).
    /// </summary>
    public static string ToMosquittoAcl(IEnumerable<(string User, MqttRole Role)> users, string site)
    {
        ArgumentNullException.ThrowIfNull(users);
        var sb = new StringBuilder();
        sb.Append("# Generated from MppSignage.Shared.Mqtt.RoleTopicRules; do not edit by hand.\n");
        foreach (var pattern in All.Where(r => r.IsPerUser).Select(r => (r.Access, Pattern: r.Expand(site, "%u")!)).Distinct())
        {
            sb.Append("pattern ").Append(AclAccess(pattern.Access)).Append(' ').Append(pattern.Pattern).Append('\n');
        }

        foreach (var (user, role) in users)
        {
            sb.Append('\n').Append("# role ").Append(Name(role)).Append('\n');
            sb.Append("user ").Append(user).Append('\n');
            foreach (var rule in All.Where(r => r.Role == role && !r.IsPerUser))
            {
                if (rule.Expand(site, user) is { } topic)
                {
                    sb.Append("topic ").Append(AclAccess(rule.Access)).Append(' ').Append(topic).Append('\n');
                }
            }
        }

        return sb.ToString();
    }

    private static string AclAccess(TopicAccess access) => access switch
    {
        TopicAccess.Read => "read",
        TopicAccess.Write => "write",
        _ => "readwrite",
    };
}
