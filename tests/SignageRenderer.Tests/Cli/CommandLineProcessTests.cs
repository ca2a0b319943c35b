using MppSignage.TestSupport;

namespace MppSignage.SignageRenderer.Tests.Cli;

/// <summary>Issue 14 item 9 for mpp-signage, as a process: its verbs' help is their own, unknown options are refused (exit 2).</summary>
public sealed class CommandLineProcessTests
{
    [Theory]
    [InlineData("render --help", "mpp-signage render [options]")]   // preview
    [InlineData("run --help", "mpp-signage run [options]")]         // the service
    public async Task Help_IsTheVerbsOwn_WithoutAdditionalArguments(string args, string usage)
    {
        var (code, stdout, _) = await RunAsync(args.Split(' '));
        Assert.Equal(0, code);
        Assert.Contains(usage + "\n", stdout);
        Assert.DoesNotContain("additional arguments", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(MppSignage.Shared.CommandLine.CommandLineArguments.OverrideOption, stdout);
    }

    [Theory]
    [InlineData("render --sise 1080x1920", "mpp-signage render: unknown option '--sise' (did you mean --size?)")] // nearest option
    [InlineData("--fullscreen", "mpp-signage: unknown option '--fullscreen'")]                                   // the default verb
    [InlineData("--Display:Size 1080x1920", "'--Display:Size' is not a configuration override")]                 // override without =
    public async Task UnknownOption_IsRefusedNamingIt_Exit2(string args, string message)
    {
        var (code, stdout, stderr) = await RunAsync(args.Split(' '));
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var r = await ProcessRun.DotnetAsync("mpp-signage", args);
        return (r.Code, r.Stdout, r.Stderr);
    }
}
