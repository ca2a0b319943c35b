using System.Device.Gpio;
using System.Text.Json;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Schedule;
using MppSignage.TestSupport;
using NodaTime;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Door;

public sealed class DoorLoopScheduleTests
{
    [Fact]
    public async Task SimulatedMonth_RelayTransitionsHappenExactlyAtScheduleChanges()
    {
        // 20 March – 20 April 2025: Ramadan hours (08-13), Nyepi, Idul Fitri, cuti bersama, Good Friday.
        var start = J(2025, 3, 20, 0, 0);
        var end = J(2025, 4, 20, 0, 0);
        var schedule = ScheduleLoader.LoadFile(RepoPaths.DefaultSchedule).Schedule!;
        var expected = schedule.OpenIntervals(start, end)
            .SelectMany(i => new[] { (PinValue.Low, i.Start), (PinValue.High, i.End) })
            .ToList();
        // The month must contain closed weekdays (holidays) and short days, or this test proves little.
        Assert.DoesNotContain(expected, e => e.Item2.InZone(Jakarta).Date == new LocalDate(2025, 3, 31));
        Assert.Contains(expected, e => e.Item2 == J(2025, 3, 20, 13, 0));

        await using var host = await ControllerTestHost.StartAsync(start, waitForMqtt: false);
        var turns = 0;
        while (host.Now < end)
        {
            Assert.True(++turns < 2000, "the loop did not converge");
            var wake = host.Loop.Current!.WakeAt;
            var next = wake is { } w && w < end ? w : end;
            await host.AdvanceToAsync(next);
        }

        var actual = host.Driver.WritesTo(ControllerTestHost.RelayPin)
            .Where(w => w.At > start.ToDateTimeOffset())   // the write at start is the start-up safe state
            .Select(w => (w.Value, Instant.FromDateTimeOffset(w.At)))
            .ToList();
        Assert.Equal(expected, actual);
        Assert.Empty(host.Logs.Errors);
    }

    [Fact]
    public async Task ClosingSoon_BlinksLampKeepsRelayOnAndPublishesPhase()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 13, 30), waitForMqtt: false);
        Assert.True(host.RelayOn);
        await host.AdvanceToAsync(J(2024, 7, 1, 13, 45));
        Assert.True(host.RelayOn);
        Assert.Equal("closing-soon", host.Status().Phase);
        var blinksBefore = host.Driver.WritesTo(ControllerTestHost.SoonPin).Count;
        await host.AdvanceAsync(TimeSpan.FromSeconds(5));
        var blinks = host.Driver.WritesTo(ControllerTestHost.SoonPin).Skip(blinksBefore).Select(w => w.Value).ToList();
        Assert.Equal(10, blinks.Count);                       // 500 ms half-period
        Assert.Equal(blinks.Count / 2, blinks.Count(v => v == PinValue.High));
        await host.AdvanceToAsync(J(2024, 7, 1, 14, 0));
        Assert.False(host.RelayOn);
        Assert.Equal("closed", host.Status().Phase);
        Assert.Equal(PinValue.Low, host.Driver.Level(ControllerTestHost.SoonPin));
    }

    [Fact]
    public async Task UnsynchronisedClock_KeepsClosedUntilSynchronised()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0), synced: false, waitForMqtt: false);
        Assert.False(host.RelayOn);
        var status = host.Status();
        Assert.False(status.ClockSynced);
        Assert.Equal("clock-unsynchronised", status.Reason);
        Assert.Equal("time not synchronised", status.Message);

        host.Clock.Synced = true;
        await host.AdvanceAsync(TimeSpan.FromSeconds(30));   // the periodic check notices
        Assert.True(host.RelayOn);
        Assert.True(host.Status().ClockSynced);
        Assert.Equal("regular", host.Status().Reason);
    }

    [Fact]
    public async Task Start_MidDay_RecomputesWithoutAnyTimerHavingFired()
    {
        // The peer failure mode: a reboot at 10:00 must come back open, not wait for the next 08:00 timer.
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 2, 10, 0), waitForMqtt: false);
        Assert.True(host.RelayOn);
        await host.Hardware.Lcd!.FlushAsync();
        var lcd = (MppSignage.Controller.Gpio.SimulatedLcdI2cDevice)host.Hardware.LcdDevice!;
        Assert.Equal(("BUKA s/d 14.00  ", "                "), lcd.Lines);
    }

    [Fact]
    public async Task MissingScheduleFile_GoesToSafeStateAndSaysWhy()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 2, 10, 0), scheduleFile: "/nonexistent/schedule.json", waitForMqtt: false);
        Assert.False(host.RelayOn);
        var status = host.Status();
        Assert.Equal("schedule-unavailable", status.Reason);
        Assert.Contains("/nonexistent/schedule.json", status.Message);
        host.Logs.ExpectError("schedule unavailable");
        Assert.Contains(host.Logs.Errors, e => e.Contains("/nonexistent/schedule.json", StringComparison.Ordinal));
    }
}
