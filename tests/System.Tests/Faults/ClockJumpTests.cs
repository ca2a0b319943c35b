using Microsoft.Extensions.Time.Testing;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Faults;

/// <summary>
/// Wall-clock steps (NTP correcting a Pi without RTC) forward and backward over a scheduled change, and a
/// clock that becomes synchronised late. Modelled like the kernel: a step moves the wall clock but not the
/// monotonic timers already armed, so only the controller's periodic check can notice. The relay must end
/// in the state the schedule gives for the new wall time, within one check interval.
/// </summary>
public sealed class ClockJumpTests
{
    // Monday 7 July 2025, Asia/Jakarta: open 08:00-14:00 (closing soon from 13:45).
    private static readonly DateTimeOffset Monday = new(2025, 7, 7, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ForwardJumpOverClosing_RelayEndsOff()
    {
        var (fake, clock) = Clock(Monday.AddHours(13).AddMinutes(50));
        await using var controller = await Start(clock);
        Assert.True(controller.RelayOn, "13:50 on a Monday is open (closing soon)");

        clock.Step(TimeSpan.FromMinutes(30));
        fake.Advance(Check);
        await controller.Loop.DrainAsync();

        Assert.False(controller.RelayOn, "14:20 is closed");
        Assert.Equal("closed", controller.Loop.Current!.Open ? "open" : "closed");
        Assert.Empty(controller.Logs.Errors);
    }

    [Fact]
    public async Task BackwardJumpOverClosing_RelayOnAgain_ThenOffAtTheChange()
    {
        var (fake, clock) = Clock(Monday.AddHours(14).AddMinutes(10));
        await using var controller = await Start(clock);
        Assert.False(controller.RelayOn, "14:10 is closed");

        clock.Step(TimeSpan.FromMinutes(-30));
        fake.Advance(Check);
        await controller.Loop.DrainAsync();
        Assert.True(controller.RelayOn, "after the step it is 13:40: open");

        // Time runs on from the corrected clock: at 14:00 (20 min later, minus the check) the relay goes off.
        fake.Advance(TimeSpan.FromMinutes(20) - Check - TimeSpan.FromSeconds(1));
        await controller.Loop.DrainAsync();
        Assert.True(controller.RelayOn, "13:59:59 is still open");
        fake.Advance(TimeSpan.FromSeconds(2));
        await controller.Loop.DrainAsync();
        Assert.False(controller.RelayOn, "14:00:01 is closed");
        var offAt = controller.RelayWrites.Last().At;
        Assert.True(offAt <= Monday.AddHours(14).AddSeconds(1), $"the relay went off at {offAt:HH:mm:ss}, not at 14:00");
        Assert.Empty(controller.Logs.Errors);
    }

    [Fact]
    public async Task ForwardJumpOverADayAndOpening_RelayOn()
    {
        // Tuesday 06:00 (closed) → Wednesday 09:00 (open): two changes skipped at once.
        var (fake, clock) = Clock(Monday.AddDays(1).AddHours(6));
        await using var controller = await Start(clock);
        Assert.False(controller.RelayOn);

        clock.Step(TimeSpan.FromHours(27));
        fake.Advance(Check);
        await controller.Loop.DrainAsync();

        Assert.True(controller.RelayOn, "Wednesday 09:00 is open");
        Assert.Empty(controller.Logs.Errors);
    }

    [Fact]
    public async Task LateSynchronisation_ClosedUntilSynced_ThenTheScheduleState()
    {
        // The Pi boots with a stale clock (1 January 2025, 00:00) and no NTP yet; the real time is Monday 10:00.
        var (fake, clock) = Clock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)));
        await using var controller = await Start(clock, synced: false);
        Assert.False(controller.RelayOn, "unsynchronised: the default policy keeps the door closed");
        Assert.Equal("clock-unsynchronised", MppSignage.Shared.Control.DoorWire.Name(controller.Loop.Current!.Reason));

        // NTP steps the clock to the real time and reports synchronised.
        clock.Step(Monday.AddHours(10) - clock.GetUtcNow());
        controller.Clock.Synced = true;
        fake.Advance(Check);
        await controller.Loop.DrainAsync();

        Assert.True(controller.RelayOn, "Monday 10:00, synchronised: open");
        Assert.Empty(controller.Logs.Errors);
    }

    [Fact]
    public async Task ClockJumpsWhileSynced_RelayAlwaysMatchesTheScheduleAfterEachCheck()
    {
        // 40 random steps (±6 h) around Monday; after each periodic check the relay equals the schedule.
        var (fake, clock) = Clock(Monday.AddHours(12));
        await using var controller = await Start(clock);
        var random = new Random(7);
        for (var i = 0; i < 40; i++)
        {
            clock.Step(TimeSpan.FromMinutes(random.Next(-360, 360)));
            fake.Advance(Check);
            await controller.Loop.DrainAsync();
            var local = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
            var open = local.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday && local.TimeOfDay >= TimeSpan.FromHours(8) && local.TimeOfDay < TimeSpan.FromHours(14)
                || local.DayOfWeek == DayOfWeek.Friday && local.TimeOfDay >= TimeSpan.FromHours(8) && local.TimeOfDay < TimeSpan.FromHours(11);
            Assert.True(open == controller.RelayOn, $"step {i}: at {local:ddd HH:mm} the relay is {(controller.RelayOn ? "on" : "off")}");
        }

        Figures.Record("clock jumps: forward/backward over a change, over a day, late NTP sync, 40 random ±6 h steps: relay in the schedule's state after one check interval (30 s) every time");
    }

    private static (FakeTimeProvider Fake, ShiftedTimeProvider Clock) Clock(DateTimeOffset start)
    {
        var fake = new FakeTimeProvider(start);
        return (fake, new ShiftedTimeProvider(TimeSpan.Zero, fake));
    }

    private static Task<ControllerTestHost> Start(TimeProvider clock, bool synced = true) =>
        ControllerTestHost.StartAsync(clock, ControllerTestHost.EmbeddedArgs(FreePort.Next()), synced: synced,
            extraArgs: [$"--Door:CheckIntervalSeconds={(int)Check.TotalSeconds}"]);
}
