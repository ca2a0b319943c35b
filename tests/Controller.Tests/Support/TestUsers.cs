using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Tests.Support;

/// <summary>One user per role, hashed once per test run (few iterations: speed, not secrecy, matters here).</summary>
internal static class TestUsers
{
    public static readonly (string Name, string Role, string Password)[] All =
    [
        ("admin", "admin", "admin-pw"),
        ("staff", "staff", "staff-pw"),
        ("screen", "screen", "screen-pw"),
        ("ctl", "controller", "ctl-pw"),
    ];

    private static readonly Lazy<string[]> Args = new(() =>
        All.SelectMany((u, i) => new[]
        {
            $"--Mqtt:Users:{i}:Name={u.Name}",
            $"--Mqtt:Users:{i}:Role={u.Role}",
            $"--Mqtt:Users:{i}:PasswordHash={PasswordHash.Create(u.Password, 100)}",
        }).ToArray());

    public static string[] ConfigArgs => Args.Value;

    public static string Password(string user) => All.Single(u => u.Name == user).Password;
}
