using MppSignage.Shared.Mqtt;

namespace MppSignage.TestSupport;

/// <summary>
/// The broker users of every test: one per role, named like the shipped ACL's users, with test passwords
/// (never the development or site passwords).
/// </summary>
public static class TestUsers
{
    public static readonly IReadOnlyList<(string User, MqttRole Role, string Password)> Users =
    [
        ("controller", MqttRole.Controller, "controller-pw"),
        ("staff", MqttRole.Staff, "staff-pw"),
        ("admin", MqttRole.Admin, "admin-pw"),
        ("screen", MqttRole.Screen, "screen-pw"),
        ("homeassistant", MqttRole.HomeAssistant, "homeassistant-pw"),
    ];

    /// <summary>
    /// A second screen's user (screen <c>lobby</c>, <see cref="ScreenUsers"/>), beside <c>screen</c> (screen
    /// <c>pintu-utama</c>). Not in <see cref="Users"/> (the role matrix is one user per role); configured on
    /// the embedded broker and in <see cref="Credentials"/>. The shipped Mosquitto ACL has no block for it:
    /// <see cref="LobbyAcl"/> is the one install.sh appends.
    /// </summary>
    public static readonly (string User, MqttRole Role, string Password) Lobby = ("screen-lobby", MqttRole.Screen, "screen-lobby-pw");

    /// <summary>The Mosquitto ACL block of <see cref="Lobby"/> for every site, as generated from the rules.</summary>
    public static string LobbyAcl => RoleTopicRules.ToMosquittoAcl([(Lobby.User, Lobby.Role)], "+");

    private static readonly Lazy<string[]> EmbeddedArgs = new(() =>
        Users.Append(Lobby).SelectMany((u, i) => new[]
        {
            $"--Mqtt:Users:{i}:Name={u.User}",
            $"--Mqtt:Users:{i}:Role={RoleTopicRules.Name(u.Role)}",
            // Few iterations: the hash format is what matters here, not its cost.
            $"--Mqtt:Users:{i}:PasswordHash={PasswordHash.Create(u.Password, 100)}",
        }).ToArray());

    /// <summary>The password of <paramref name="user"/>.</summary>
    public static string Password(string user) => Users.Append(Lobby).Single(u => u.User == user).Password;

    public static IEnumerable<(string User, string Password)> Credentials => Users.Append(Lobby).Select(u => (u.User, u.Password));

    /// <summary>The users as embedded-broker configuration arguments (hashed once per test run).</summary>
    public static string[] EmbeddedUserArgs => EmbeddedArgs.Value;
}
