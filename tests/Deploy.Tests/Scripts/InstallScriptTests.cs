using System.Text.RegularExpressions;

namespace MppSignage.Deploy.Tests.Scripts;

/// <summary>
/// deploy-pi/install.sh against scratch roots, and the units it installs under systemd-analyze: each
/// script checks dozens of owners, modes and behaviours and prints "NAME: N passed, N failed".
/// </summary>
public sealed class InstallScriptTests
{
    [Fact]
    public async Task CheckInstall_ScratchRoot_LaysOutOwnersModesUpgradeRollbackAndBrokerRights()
    {
        var run = await ScriptRun.RunAsync("deploy-pi/check-install.sh", TimeSpan.FromMinutes(3));

        AssertAllPassed(run, "check-install", minimumChecks: 80);
    }

    [Fact]
    public async Task VerifyUnits_InstalledUnits_SystemdAnalyzeVerifyAndSecurityPass()
    {
        var run = await ScriptRun.RunAsync("deploy-pi/verify-units.sh", TimeSpan.FromMinutes(2));

        AssertAllPassed(run, "verify-units", minimumChecks: 30);
    }

    [Theory]
    [InlineData("--trim", "maybe", "--trim 'maybe': expected auto, yes or no")] // trim mode outside the three
    [InlineData("--rid", "win-x64", "--rid 'win-x64': expected linux-arm64")] // not a Linux target
    [InlineData("--version", "v1/2", "version 'v1/2' must start with a digit")] // not a Debian version
    [InlineData("--rid", "linux-arm", "the native build supports linux-arm64 and linux-x64; use --jit for linux-arm")] // 32-bit: no NativeAOT target
    public async Task BuildScript_BadArgument_RefusedWithReasonBeforeBuilding(string option, string value, string reason)
    {
        var run = await ScriptRun.RunAsync("deploy-pi/build.sh", TimeSpan.FromSeconds(30), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("published", run.Output, StringComparison.Ordinal);
    }

    internal static void AssertAllPassed(ScriptRun run, string name, int minimumChecks)
    {
        var m = Regex.Match(run.Output, $@"^{name}: (\d+) passed, (\d+) failed$", RegexOptions.Multiline);
        Assert.True(m.Success && run.ExitCode == 0 && m.Groups[2].Value == "0", $"{name} exited {run.ExitCode}:\n{run.Failures()}");
        Assert.True(int.Parse(m.Groups[1].Value) >= minimumChecks, $"{name} ran only {m.Groups[1].Value} checks (expected at least {minimumChecks}):\n{run.Output}");
    }
}
