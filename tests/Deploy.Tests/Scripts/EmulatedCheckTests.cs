namespace MppSignage.Deploy.Tests.Scripts;

/// <summary>
/// The Pi bundle (linux-arm64) built by deploy-pi/build.sh, installed into a scratch root and run
/// under qemu-aarch64: MQTT round trip through Mosquitto with the installed credentials and ACL, and
/// a status frame rendered to PNG. The slowest test of the suite (an arm64 publish, ~2-5 minutes;
/// reused while the sources are unchanged), bounded at 9 minutes.
/// </summary>
public sealed class EmulatedCheckTests
{
    [Fact]
    public async Task EmulatedCheck_Arm64BundleUnderQemu_RoundTripsMqttAndRendersAFrame()
    {
        var run = await ScriptRun.RunAsync("deploy-pi/emulated-check.sh", TimeSpan.FromMinutes(9));

        InstallScriptTests.AssertAllPassed(run, "emulated-check", minimumChecks: 15);
    }
}
