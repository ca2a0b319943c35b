using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Door;

/// <summary>Issue 14 items 1 and 5 through the running controller: the default open override and the relay log line.</summary>
public sealed class RelayLogTests
{
    [Fact]
    public async Task OpenOverrideAfterHours_LastsAnHourAndTheRelayLineSaysWhoAndWhy()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2026, 12, 1, 14, 50));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        var result = await Commands.OverrideAsync(staff, "staff", """{"state":"open","reason":"antrian masih panjang"}""");
        Assert.True(result.Ok, result.Error);
        Assert.True(host.RelayOn);
        Assert.Equal("2026-12-01T15:50:00+07:00", host.Status().Override!.Until);
        var line = Assert.Single(host.Logs.Messages(), m => m.StartsWith("relay ON", StringComparison.Ordinal));
        Assert.EndsWith("— override by staff until 2026-12-01T15:50:00+07:00 (antrian masih panjang)", line);

        await host.AdvanceToAsync(J(2026, 12, 1, 15, 50));
        Assert.False(host.RelayOn);
        Assert.Contains(host.Logs.Messages(), m => m.StartsWith("relay OFF", StringComparison.Ordinal) && m.EndsWith("— schedule: regular hours", StringComparison.Ordinal));
    }
}
