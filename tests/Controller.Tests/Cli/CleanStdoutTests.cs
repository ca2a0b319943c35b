using System.Text.Json;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>
/// Issue 14 item 7: the README's commands (<c>scripts/mpp controller …</c>) print only the executable's output
/// on stdout, so <c>status --json | jq</c> works: no launch-settings line, no build output.
/// </summary>
public sealed class CleanStdoutTests
{
    [Fact]
    public async Task Wrapper_HoursEval_StdoutIsPureJson()
    {
        var (code, stdout, stderr) = await RunAsync("controller", "hours", "eval", "--expr", "Mo-Th 08:00-14:00; Fr 08:00-11:00", "--at", "2024-07-05T10:30+07:00");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("open", doc.RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Wrapper_StatusJson_StdoutIsPureJson()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        var (code, stdout, stderr) = await RunAsync("controller", "status", "--json", "-u", "screen", "-P", TestUsers.Password("screen"), "--host", "127.0.0.1", "--port", host.Port.ToString());
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("open", doc.RootElement.GetProperty("state").GetString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        // The Release build is the one this test project already built (no second build inside the test).
        var r = await ProcessRun.RunAsync("bash", [Path.Combine(RepoPaths.Root, "scripts", "mpp"), .. args],
            new Dictionary<string, string> { ["MPP_CONFIGURATION"] = "Release" }, TimeSpan.FromMinutes(5));
        return (r.Code, r.Stdout, r.Stderr);
    }
}
