using System.Device.Gpio;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Gpio;

/// <summary>The staff button through the simulated driver's edges and the fake clock.</summary>
public sealed class StaffButtonTests
{
    private const int Pin = ControllerTestHost.ButtonPin;

    [Fact]
    public async Task Bounce_ShorterThanDebounce_DoesNothing()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0), waitForMqtt: false);
        for (var i = 0; i < 5; i++)
        {
            host.Driver.SetInput(Pin, PinValue.Low);
            await host.AdvanceAsync(TimeSpan.FromMilliseconds(3));
            host.Driver.SetInput(Pin, PinValue.High);
            await host.AdvanceAsync(TimeSpan.FromMilliseconds(3));
        }

        await host.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.False(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
    }

    [Fact]
    public async Task ShortPress_AfterHours_OpensForTheDefaultHour_LongPressReturnsToAuto()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0), waitForMqtt: false);
        await Press(host, TimeSpan.FromMilliseconds(200));
        Assert.True(host.RelayOn);
        var status = host.Status();
        Assert.Equal("override", status.Mode);
        Assert.Equal("button", status.Override!.By);
        Assert.Equal("2024-07-01T16:00:00+07:00", status.Override.Until);   // after hours: Door:DefaultOpenOverrideMinutes (60), not until tomorrow

        await Press(host, TimeSpan.FromSeconds(3.2));
        Assert.False(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
        Assert.Contains(await host.JournalAsync(), e => e.Type == "override" && e.By == "button" && e.State == "auto");
    }

    [Fact]
    public async Task ShortPress_DuringOpenHours_ClosesUntilScheduledClose()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0), waitForMqtt: false);
        await Press(host, TimeSpan.FromMilliseconds(150));
        Assert.False(host.RelayOn);
        Assert.Equal("2024-07-01T14:00:00+07:00", host.Status().Override!.Until);
        await Press(host, TimeSpan.FromMilliseconds(150));   // the opposite is what the schedule says: back to auto
        Assert.True(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
    }

    private static async Task Press(ControllerTestHost host, TimeSpan hold)
    {
        host.Driver.SetInput(Pin, PinValue.Low);
        host.Driver.SetInput(Pin, PinValue.High);   // contact bounce
        host.Driver.SetInput(Pin, PinValue.Low);
        await host.AdvanceAsync(hold);
        host.Driver.SetInput(Pin, PinValue.High);
        await host.AdvanceAsync(TimeSpan.FromMilliseconds(100));
        await host.Loop.DrainAsync();
    }
}
