using System.Diagnostics;
using System.Text.Json;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>
/// Issue 14 item 9 through the real executables: every verb's help is its own (no
/// <c>[[--] &lt;additional arguments&gt;...]]</c>), unknown options are refused naming the nearest known one
/// (exit 2), and <c>--Section:Key=value</c> still reaches the configuration.
/// </summary>
public sealed class CommandLineProcessTests
{
    [Theory]
    [InlineData("mpp-controller", "override --help", "mpp-controller override <state> [options]")]   // client verb
    [InlineData("mpp-controller", "announce add --help", "mpp-controller announce add [options]")]   // nested verb
    [InlineData("mpp-controller", "run --help", "mpp-controller run [options]")]                     // the service
    public async Task Help_IsTheVerbsOwn_WithoutAdditionalArguments(string exe, string args, string usage)
    {
        var (code, stdout, _) = await RunAsync(exe, args.Split(' '));
        Assert.Equal(0, code);
        Assert.Contains(usage + "\n", stdout);
        Assert.DoesNotContain("additional arguments", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Arguments passed to the application", stdout);
        Assert.DoesNotContain(MppSignage.Shared.CommandLine.CommandLineArguments.OverrideOption, stdout);
    }

    [Theory]
    [InlineData("mpp-controller", "announce add --id x --imag poster.jpg -u admin -P admin-dev", "mpp-controller announce add: unknown option '--imag'")] // the reported case
    [InlineData("mpp-controller", "status --prot 1883", "mpp-controller status: unknown option '--prot' (did you mean --port?)")]                         // nearest option
    [InlineData("mpp-controller", "--Mqtt:Port 1883", "mpp-controller run: '--Mqtt:Port' is not a configuration override")]                               // override without =
    public async Task UnknownOption_IsRefusedNamingIt_Exit2(string exe, string args, string message)
    {
        var (code, stdout, stderr) = await RunAsync(exe, args.Split(' '));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("poster.jpg", stderr); // the unknown option's value is not a second complaint
    }

    [Fact]
    public async Task ConfigurationOverride_StillPassesThrough()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        // The port only from --Mqtt:Port=…: reaching the broker proves the override arrived.
        var (code, stdout, stderr) = await RunAsync("mpp-controller", "status", "--json", "-u", "screen", "-P", TestUsers.Password("screen"), "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={host.Port}", "--Mqtt:Broker=external");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("open", doc.RootElement.GetProperty("state").GetString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string exe, params string[] args)
    {
        var r = await ProcessRun.DotnetAsync(exe, args);
        return (r.Code, r.Stdout, r.Stderr);
    }
}
