using MppSignage.Shared.Mqtt;

namespace MppSignage.SystemTests.Roles;

/// <summary>
/// One family of topics, as a concrete topic, with the rights the issue gives each role, written out by hand
/// (not derived from RoleTopicRules, so a wrong rule shows up as a disagreement).
/// </summary>
/// <param name="Name">Short name for messages.</param>
/// <param name="Topic">A concrete topic of the family.</param>
/// <param name="Publishers">Roles that may publish to it.</param>
/// <param name="Readers">Roles that receive messages published to it.</param>
/// <param name="OtherSite">True for another site's topic (bound brokers refuse it to everyone).</param>
internal sealed record TopicFamily(string Name, string Topic, MqttRole[] Publishers, MqttRole[] Readers, bool OtherSite = false)
{
    public const string Site = "probolinggo";
    public const string Elsewhere = "kraksaan";

    private static readonly MqttRole C = MqttRole.Controller;
    private static readonly MqttRole S = MqttRole.Staff;
    private static readonly MqttRole A = MqttRole.Admin;
    private static readonly MqttRole Sc = MqttRole.Screen;
    private static readonly MqttRole H = MqttRole.HomeAssistant;

    /// <summary>Every family of the site and the broadcast root.</summary>
    public static readonly TopicFamily[] Own =
    [
        new("status", $"mpp/{Site}/status", [C], [C, S, A, Sc, H]),
        new("availability", $"mpp/{Site}/availability", [C], [C, S, A, Sc, H]),
        new("schedule", $"mpp/{Site}/schedule", [C], [C, S, A, Sc]),
        new("events", $"mpp/{Site}/events", [C], [C, S, A]),
        new("announcements", $"mpp/{Site}/announcements", [C], [C, S, A, Sc]),
        new("responses to staff", $"mpp/{Site}/responses/staff/abc", [C], [C, S, A]),
        new("responses to admin", $"mpp/{Site}/responses/admin/abc", [C], [C, A]),
        new("override/set", $"mpp/{Site}/override/set", [S, A, H], [C, A]),
        new("schedule/set", $"mpp/{Site}/schedule/set", [A], [C, A]),
        new("announcements/set", $"mpp/{Site}/announcements/set", [A], [C, A]),
        new("announcements/delete", $"mpp/{Site}/announcements/delete", [A], [C, A]),
        // Posters (issue 12): admins upload (outside assets/, so no screen ever receives a raw upload), the controller
        // publishes each kept asset retained; screens read the assets.
        new("uploads/put", $"mpp/{Site}/uploads/put", [A], [C, A]),
        new("asset", $"mpp/{Site}/assets/{new string('a', 64)}", [C], [C, A, Sc]),
        new("broadcast announcements/set", "mpp/all/announcements/set", [A], [C, A]),
        new("broadcast announcements/delete", "mpp/all/announcements/delete", [A], [C, A]),
        // The test user "screen" is screen pintu-utama: it answers for that screen only (issue 10 item 1).
        new("screenshot/get", $"mpp/{Site}/screens/pintu-utama/screenshot/get", [A], [C, A, Sc]),
        new("screenshot", $"mpp/{Site}/screens/pintu-utama/screenshot", [Sc], [C, A]),
        new("screen availability", $"mpp/{Site}/screens/pintu-utama/availability", [Sc], [C, A]),
        new("another screen's screenshot/get", $"mpp/{Site}/screens/lobby/screenshot/get", [A], [C, A]),
        new("another screen's screenshot", $"mpp/{Site}/screens/lobby/screenshot", [], [C, A]),
        new("another screen's availability", $"mpp/{Site}/screens/lobby/availability", [], [C, A]),
        new("preview/get", $"mpp/{Site}/screens/pintu-utama/preview/get", [A], [C, A, Sc]),
        new("preview", $"mpp/{Site}/screens/pintu-utama/preview", [Sc], [C, A]),
        new("another screen's preview/get", $"mpp/{Site}/screens/lobby/preview/get", [A], [C, A]),
        new("another screen's preview", $"mpp/{Site}/screens/lobby/preview", [], [C, A]),
        new("homeassistant/status", "homeassistant/status", [H], [C, H]),
        new("homeassistant config", $"homeassistant/select/{Site}/override/config", [C], [H]),
        new("a made-up topic", $"mpp/{Site}/whatever", [], [C, A]),
        new("outside mpp/", "garage/door", [], []),
    ];

    /// <summary>Another site's topics: a broker bound to one site gives nobody rights there.</summary>
    public static readonly TopicFamily[] Foreign =
    [
        new("other site's status", $"mpp/{Elsewhere}/status", [], [], OtherSite: true),
        new("other site's override/set", $"mpp/{Elsewhere}/override/set", [], [], OtherSite: true),
        new("other site's homeassistant config", $"homeassistant/select/{Elsewhere}/override/config", [], [H], OtherSite: true),
    ];

    public bool CanPublish(MqttRole role) => Publishers.Contains(role);

    public bool CanRead(MqttRole role) => Readers.Contains(role);

    public override string ToString() => Name;
}
