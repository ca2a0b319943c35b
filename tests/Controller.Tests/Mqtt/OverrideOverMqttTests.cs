using MppSignage.Controller.Door;
using MppSignage.Shared.Mqtt;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Mqtt;

public sealed class OverrideOverMqttTests
{
    [Fact]
    public async Task OverrideWithUntil_OpensNowAndExpiresIntoAutomatic()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        await staff.SubscribeAsync($"mpp/{ControllerTestHost.Site}/events");
        Assert.False(host.RelayOn);

        var result = await Commands.OverrideAsync(staff, "staff", """{"state":"open","until":"2024-07-01T16:30:00+07:00","reason":"antrian"}""");
        Assert.True(result.Ok, result.Error);
        Assert.True(host.RelayOn);
        var status = host.Status();
        Assert.Equal("override", status.Mode);
        Assert.Equal("staff", status.Override!.By);
        Assert.Equal("2024-07-01T16:30:00+07:00", status.Override.Until);
        await staff.WaitForAsync($"mpp/{ControllerTestHost.Site}/events", t => t.Contains("\"type\":\"override\"") && t.Contains("\"by\":\"staff\""));
        Assert.True(File.Exists(Path.Combine(host.StateDirectory, "override.json")));

        await host.AdvanceToAsync(J(2024, 7, 1, 16, 30));
        Assert.False(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
        Assert.False(File.Exists(Path.Combine(host.StateDirectory, "override.json")));
        var journal = await host.JournalAsync();
        Assert.Contains(journal, e => e.Type == "override" && e.By == "staff" && e.State == "open" && e.Reason == "antrian");
        Assert.Contains(journal, e => e.Type == "override" && e.State == "auto" && e.Detail!.StartsWith("expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OverrideWithoutUntil_EndsAtNextScheduledChange()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        var result = await Commands.OverrideAsync(staff, "staff", """{"state":"closed","reason":"rapat"}""");
        Assert.True(result.Ok, result.Error);
        Assert.False(host.RelayOn);
        Assert.Equal("2024-07-01T14:00:00+07:00", host.Status().Override!.Until);
        await host.AdvanceToAsync(J(2024, 7, 2, 8, 0));
        Assert.True(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
    }

    [Fact]
    public async Task OverrideBeyondCap_IsRefusedAndChangesNothing()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0), extraArgs: ["--Door:OverrideMaxHours=2"]);
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        var result = await Commands.OverrideAsync(staff, "staff", """{"state":"open","until":"2024-07-01T18:00:00+07:00"}""");
        Assert.False(result.Ok);
        Assert.Equal("until", result.Field);
        Assert.Contains("maximum override of 2 h", result.Error);
        Assert.False(host.RelayOn);

        // Without until the cap shortens it instead (closed after hours: until the next opening, capped).
        Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"closed"}""")).Ok);
        Assert.Equal("2024-07-01T17:00:00+07:00", host.Status().Override!.Until);
    }

    [Fact]
    public async Task RestartMidOverride_ComesBackOverridden_AndAfterExpiryInAuto()
    {
        var state = TempDir.Create("ctl");
        await using (var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0), stateDirectory: state))
        {
            await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
            Assert.True((await Commands.OverrideAsync(admin, "admin", """{"state":"open","until":"2024-07-01T18:00:00+07:00"}""")).Ok);
            Assert.True(host.RelayOn);
            await host.StopAsync();
            Assert.False(host.RelayOn);   // shutdown safe state
        }

        await using (var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 17, 0), stateDirectory: state, waitForMqtt: false))
        {
            Assert.True(host.RelayOn);
            Assert.Equal("override", host.Status().Mode);
            Assert.Equal("admin", host.Status().Override!.By);
        }

        await using (var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 19, 0), stateDirectory: state, waitForMqtt: false))
        {
            Assert.False(host.RelayOn);
            Assert.Equal("auto", host.Status().Mode);
            Assert.False(File.Exists(Path.Combine(state, "override.json")));
        }
    }

    [Fact]
    public async Task Auto_ClearsOverrideImmediately()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"open"}""")).Ok);
        Assert.True(host.RelayOn);
        Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"auto"}""")).Ok);
        Assert.False(host.RelayOn);
        Assert.Null(host.Status().Override);
    }
}
