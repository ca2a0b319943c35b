using MppSignage.Shared.Control;
using MppSignage.Shared.Schedule;
using NodaTime;
using static MppSignage.Shared.Tests.Control.EvaluationBuilder;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Control;

public sealed class DoorDecisionTests
{
    private static readonly DoorDecisionOptions Options = DoorDecisionOptions.Default;

    [Fact]
    public void Decide_OpenBeforeClosingSoon_IsOpenAndWakesAtClosingSoonStart()
    {
        var now = J(2024, 7, 1, 10, 0);
        var state = DoorDecision.Decide(Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0)), null, true, now, Options);
        Assert.True(state.Open);
        Assert.Equal(DoorPhase.Open, state.Phase);
        Assert.Equal(DoorMode.Auto, state.Mode);
        Assert.Equal(J(2024, 7, 1, 13, 45), state.NextChange);
        Assert.Equal(J(2024, 7, 1, 13, 45), state.WakeAt);
        Assert.Equal(J(2024, 7, 1, 14, 0), state.ClosesAt);
    }

    [Fact]
    public void Decide_WithinClosingSoonWindow_IsClosingSoonButStillOpen()
    {
        var now = J(2024, 7, 1, 13, 50);
        var state = DoorDecision.Decide(Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0)), null, true, now, Options);
        Assert.True(state.Open);
        Assert.Equal(DoorPhase.ClosingSoon, state.Phase);
        Assert.Equal(J(2024, 7, 1, 13, 45), state.Since);
        Assert.Equal(J(2024, 7, 1, 14, 0), state.NextChange);
    }

    [Fact]
    public void Decide_ClosingSoonDisabled_StaysOpenPhase()
    {
        var state = DoorDecision.Decide(Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0)), null, true, J(2024, 7, 1, 13, 59), Options with { ClosingSoon = Duration.Zero });
        Assert.Equal(DoorPhase.Open, state.Phase);
    }

    [Fact]
    public void Decide_HolidayClosed_CarriesNameAndReason()
    {
        var state = DoorDecision.Decide(Closed(J(2024, 8, 17, 0, 0), J(2024, 8, 19, 8, 0), name: "Hari Kemerdekaan", reason: ScheduleReason.Holiday), null, true, J(2024, 8, 17, 10, 0), Options);
        Assert.False(state.Open);
        Assert.Equal(DoorReason.Holiday, state.Reason);
        Assert.Equal("Hari Kemerdekaan", state.Name);
        Assert.Equal(J(2024, 8, 19, 8, 0), state.OpensAt);
    }

    [Theory]
    [InlineData(UnsynchronizedClockPolicy.Closed, false)]   // default: a wrong clock must not open the hall
    [InlineData(UnsynchronizedClockPolicy.Open, true)]      // sites that prefer open
    [InlineData(UnsynchronizedClockPolicy.Schedule, true)]  // trust the unsynchronised clock (schedule says open)
    public void Decide_ClockUnsynchronised_AppliesPolicy(UnsynchronizedClockPolicy policy, bool expectedOpen)
    {
        var state = DoorDecision.Decide(Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0)), null, false, J(2024, 7, 1, 10, 0), Options with { UnsynchronizedPolicy = policy });
        Assert.Equal(expectedOpen, state.Open);
        Assert.False(state.ClockSynced);
        Assert.Contains("time not synchronised", state.Message);
        Assert.Equal(policy == UnsynchronizedClockPolicy.Schedule ? DoorReason.Regular : DoorReason.ClockUnsynchronised, state.Reason);
    }

    [Fact]
    public void Decide_NoSchedule_IsSafeStateWithProblem()
    {
        var state = DoorDecision.Decide(null, null, true, J(2024, 7, 1, 10, 0), Options, "file missing");
        Assert.False(state.Open);
        Assert.Equal(DoorReason.ScheduleUnavailable, state.Reason);
        Assert.Equal("schedule unavailable: file missing", state.Message);
        Assert.True(DoorDecision.Decide(null, null, true, J(2024, 7, 1, 10, 0), Options with { OpenWhenScheduleUnavailable = true }).Open);
    }

    [Fact]
    public void Decide_ActiveOverride_WinsAndEndsAtUntil()
    {
        var now = J(2024, 7, 1, 15, 0);
        var o = new OverrideState(true, J(2024, 7, 1, 16, 0), "staff", "antrian", now);
        var state = DoorDecision.Decide(Closed(J(2024, 7, 1, 14, 0), J(2024, 7, 2, 8, 0)), o, true, now, Options);
        Assert.True(state.Open);
        Assert.Equal(DoorMode.Override, state.Mode);
        Assert.Equal(DoorReason.Override, state.Reason);
        Assert.Equal(J(2024, 7, 1, 16, 0), state.ClosesAt);
        Assert.Equal(J(2024, 7, 1, 15, 45), state.NextChange);   // closing-soon before the override ends into a closed schedule
        Assert.Equal("override by staff: antrian", state.Message);
    }

    [Fact]
    public void Decide_ExpiredOverride_IsIgnored()
    {
        var o = new OverrideState(true, J(2024, 7, 1, 16, 0), "staff", null, J(2024, 7, 1, 15, 0));
        var state = DoorDecision.Decide(Closed(J(2024, 7, 1, 14, 0), J(2024, 7, 2, 8, 0)), o, true, J(2024, 7, 1, 16, 0), Options);
        Assert.False(state.Open);
        Assert.Equal(DoorMode.Auto, state.Mode);
        Assert.Null(state.Override);
    }

    [Fact]
    public void Decide_ClosedOverrideDuringOpenHours_OpensAgainAtUntil()
    {
        var now = J(2024, 7, 1, 9, 0);
        var o = new OverrideState(false, J(2024, 7, 1, 10, 0), "admin", "listrik padam", now);
        var state = DoorDecision.Decide(Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0)), o, true, now, Options);
        Assert.False(state.Open);
        Assert.Equal(J(2024, 7, 1, 10, 0), state.OpensAt);
        Assert.Equal(J(2024, 7, 1, 10, 0), state.WakeAt);
    }

    [Fact]
    public void CarrySince_KeepsPreviousSinceWhileOutputUnchanged()
    {
        var first = DoorDecision.CarrySince(DoorDecision.Decide(null, null, true, J(2024, 7, 1, 10, 0), Options), null);
        Assert.Equal(J(2024, 7, 1, 10, 0), first.Since);
        var later = DoorDecision.CarrySince(DoorDecision.Decide(null, null, true, J(2024, 7, 1, 11, 0), Options), first);
        Assert.Equal(J(2024, 7, 1, 10, 0), later.Since);
    }
}
