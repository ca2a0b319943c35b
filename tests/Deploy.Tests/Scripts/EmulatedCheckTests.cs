namespace MppSignage.Deploy.Tests.Scripts;

/// <summary>
/// The Pi bundle (linux-arm64) built by deploy-pi/build.sh, installed into a scratch root and run
/// under qemu-aarch64: MQTT round trip through Mosquitto with the installed credentials and ACL, and
/// a status frame rendered to PNG and shown by the live renderer. The slowest test of the suite: an
/// arm64 publish (reused while the sources are unchanged) plus ~2-4 minutes of emulation; bounded at
/// 40 minutes (the script bounds the native publish of the three executables at 35 under a loaded machine).
/// </summary>
public sealed class EmulatedCheckTests
{
    [Fact]
    public async Task EmulatedCheck_Arm64BundleUnderQemu_RoundTripsMqttAndRendersAFrame()
    {
        var run = await ScriptRun.RunAsync("deploy-pi/emulated-check.sh", TimeSpan.FromMinutes(40));

        InstallScriptTests.AssertAllPassed(run, "emulated-check", minimumChecks: 20);
    }
}
