using MppSignage.Shared.Mqtt;

namespace MppSignage.SystemTests.Support;

/// <summary>One user per role, named like the shipped ACL's users, with test passwords.</summary>
internal static class TestUsers
{
    public static readonly (string User, MqttRole Role, string Password)[] Users =
    [
        ("controller", MqttRole.Controller, "controller-test-pw"),
        ("staff", MqttRole.Staff, "staff-test-pw"),
        ("admin", MqttRole.Admin, "admin-test-pw"),
        ("screen", MqttRole.Screen, "screen-test-pw"),
        ("homeassistant", MqttRole.HomeAssistant, "ha-test-pw"),
    ];

    public static string Password(string user) => Users.Single(u => u.User == user).Password;

    public static IEnumerable<(string User, string Password)> Credentials => Users.Select(u => (u.User, u.Password));

    private static readonly Lazy<string[]> EmbeddedArgs = new(() =>
        Users.SelectMany((u, i) => new[]
        {
            $"--Mqtt:Users:{i}:Name={u.User}",
            $"--Mqtt:Users:{i}:Role={RoleTopicRules.Name(u.Role)}",
            // Few iterations: the hash format is what matters here, not its cost.
            $"--Mqtt:Users:{i}:PasswordHash={PasswordHash.Create(u.Password, 100)}",
        }).ToArray());

    /// <summary>The users as embedded-broker configuration arguments.</summary>
    public static string[] EmbeddedUserArgs => EmbeddedArgs.Value;
}
