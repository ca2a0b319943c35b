using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using NodaTime;
using static MppSignage.Shared.Tests.Control.EvaluationBuilder;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Control;

/// <summary>The fail-safe judging of a stored override, the button and override commands, and the audit events (Shared/Control).</summary>
public sealed class DoorCommandsTests
{
    private static readonly DoorDecisionOptions Options = DoorDecisionOptions.Default;

    // Monday 1 July 2024: open 08:00-14:00.
    private static readonly Instant Morning = J(2024, 7, 1, 10, 0);

    private static MppSignage.Shared.Schedule.ScheduleEvaluation Today => Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0));

    [Theory]
    [InlineData(true, 1, 0, OverrideStanding.InForce)]                 // synchronised, one hour left
    [InlineData(false, 1, 0, OverrideStanding.ClockUnsynchronised)]    // an untrusted clock judges nothing
    [InlineData(true, -1, 0, OverrideStanding.Expired)]                // its end has passed
    [InlineData(true, 13, 0, OverrideStanding.BeyondMaximum)]          // 13 h left, more than the 12 h cap
    [InlineData(true, 1, -12, OverrideStanding.BeyondMaximum)]         // set 12 h before now for 13 h in all (a hand-edited file)
    [InlineData(false, -1, 0, OverrideStanding.ClockUnsynchronised)]   // even "expired" is not judged on an untrusted clock
    public void Judge_ClockEndAndCap(bool synced, int hoursLeft, int setHoursFromNow, OverrideStanding expected)
    {
        var o = new OverrideState(true, Morning + Duration.FromHours(hoursLeft), "staff", null, Morning + Duration.FromHours(setHoursFromNow));

        Assert.Equal(expected, DoorDecision.Judge(o, Morning, synced, OverrideRules.DefaultMaximum));
    }

    [Fact]
    public void Decide_UnsynchronisedClockWithStoredOpenOverride_PolicyDecides()
    {
        // Closed at 20:00 by the schedule; a stored "open until 22:00" must not open the hall on an untrusted clock.
        var evening = J(2024, 7, 1, 20, 0);
        var evaluation = Closed(J(2024, 7, 1, 14, 0), J(2024, 7, 2, 8, 0));
        var stored = new OverrideState(true, J(2024, 7, 1, 22, 0), "staff", "antrian", J(2024, 7, 1, 19, 0));

        var unsynced = DoorDecision.Decide(evaluation, stored, false, evening, Options);
        var synced = DoorDecision.Decide(evaluation, stored, true, evening, Options);

        Assert.False(unsynced.Open);
        Assert.Equal(DoorMode.Auto, unsynced.Mode);
        Assert.Equal(DoorReason.ClockUnsynchronised, unsynced.Reason);
        Assert.Null(unsynced.Override);
        Assert.Contains("stored override waits", unsynced.Message);
        Assert.True(synced.Open);
        Assert.Equal(DoorMode.Override, synced.Mode);
    }

    [Fact]
    public void Decide_UnsynchronisedWithSchedulePolicy_ScheduleDecidesNotTheOverride()
    {
        var stored = new OverrideState(false, Morning + Duration.FromHours(1), "staff", "rapat", Morning);

        var state = DoorDecision.Decide(Today, stored, false, Morning, Options with { UnsynchronizedPolicy = UnsynchronizedClockPolicy.Schedule });

        Assert.True(state.Open);
        Assert.Equal(DoorMode.Auto, state.Mode);
    }

    [Fact]
    public void Decide_OverrideBeyondLoweredMaximum_IsIgnoredOnEveryDecision()
    {
        // Accepted under a 12 h cap, judged after the cap became 2 h: the schedule decides.
        var stored = new OverrideState(false, Morning + Duration.FromHours(3), "staff", "rapat", Morning);

        var state = DoorDecision.Decide(Today, stored, true, Morning, Options with { OverrideMaximum = Duration.FromHours(2) });

        Assert.True(state.Open);
        Assert.Equal(DoorMode.Auto, state.Mode);
        Assert.Equal(DoorMode.Override, DoorDecision.Decide(Today, stored, true, Morning, Options).Mode);
    }

    [Fact]
    public void Override_ForcedStateWithUnsynchronisedClock_RefusedNamingState()
    {
        var outcome = DoorCommands.Override(new OverrideCommand(OverrideTarget.Open, null, "antrian"), "staff", Situation(synced: false));

        Assert.False(outcome.Result.Ok);
        Assert.Equal("state", outcome.Result.Field);
        Assert.Contains("not synchronised", outcome.Result.Error);
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Override_AutoWithUnsynchronisedClock_Accepted()
    {
        var outcome = DoorCommands.Override(new OverrideCommand(OverrideTarget.Auto, null, null), "staff", Situation(synced: false));

        Assert.True(outcome.Result.Ok);
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Override_Synchronised_AppliesRulesWithPolicyMaximum()
    {
        var situation = Situation(synced: true) with { Options = Options with { OverrideMaximum = Duration.FromHours(2) } };

        var outcome = DoorCommands.Override(new OverrideCommand(OverrideTarget.Closed, Morning + Duration.FromHours(3), null), "staff", situation);

        Assert.False(outcome.Result.Ok);
        Assert.Equal("until", outcome.Result.Field);
        Assert.Contains("maximum override of 2 h", outcome.Result.Error);
    }

    [Fact]
    public void Button_LongPressWithoutOverride_NothingToDo()
    {
        Assert.Null(DoorCommands.Button(ButtonGesture.LongPress, Situation(synced: true)));
    }

    [Fact]
    public void Button_LongPressWithOverride_BackToAutomatic()
    {
        var situation = Situation(synced: true) with { Override = new OverrideState(false, Morning + Duration.FromHours(1), "staff", null, Morning) };

        var outcome = DoorCommands.Button(ButtonGesture.LongPress, situation);

        Assert.NotNull(outcome);
        Assert.True(outcome.Result.Ok);
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Button_ShortPressWhileOpenBySchedule_ClosesUntilScheduledClose()
    {
        var situation = Situation(synced: true);

        var outcome = DoorCommands.Button(ButtonGesture.ShortPress, situation);

        Assert.NotNull(outcome);
        Assert.True(outcome.Result.Ok);
        Assert.False(outcome.Override!.Open);
        Assert.Equal("button", outcome.Override.By);
        Assert.Equal(J(2024, 7, 1, 14, 0), outcome.Override.Until);
    }

    [Fact]
    public void Button_ShortPressWhileOverriddenClosed_ClearsToAutomatic()
    {
        // The door shows closed by override; the opposite (open) is what the schedule gives: back to automatic.
        var closed = new OverrideState(false, Morning + Duration.FromHours(1), "staff", null, Morning);
        var shown = DoorDecision.Decide(Today, closed, true, Morning, Options);
        var situation = Situation(synced: true) with { Current = shown, Override = closed };

        var outcome = DoorCommands.Button(ButtonGesture.ShortPress, situation);

        Assert.True(outcome!.Result.Ok);
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Button_ShortPressWithUnsynchronisedClock_Refused()
    {
        var outcome = DoorCommands.Button(ButtonGesture.ShortPress, Situation(synced: false));

        Assert.False(outcome!.Result.Ok);
        Assert.Equal(DoorCommands.ClockUnsynchronisedError, outcome.Result.Error);
    }

    [Theory]
    [InlineData(OverrideStanding.Expired, "expired at 2024-07-01T09:00:00+07:00")]   // ended an hour ago
    [InlineData(OverrideStanding.BeyondMaximum, "beyond the maximum override of 720 min")]  // the cap, in minutes
    public void OverrideCleared_NamesWhy(OverrideStanding standing, string detail)
    {
        var stored = new OverrideState(true, J(2024, 7, 1, 9, 0), "staff", null, J(2024, 7, 1, 8, 0));

        var e = DoorAudit.OverrideCleared(stored, standing, OverrideRules.DefaultMaximum, Morning, Jakarta);

        Assert.NotNull(e);
        Assert.Equal("override", e.Type);
        Assert.Equal("controller", e.By);
        Assert.Equal("auto", e.State);
        Assert.Contains(detail, e.Detail);
        Assert.Equal("2024-07-01T10:00:00+07:00", e.At);
    }

    [Theory]
    [InlineData(OverrideStanding.InForce)]              // still deciding the door
    [InlineData(OverrideStanding.ClockUnsynchronised)]  // waits for the clock, kept
    public void OverrideCleared_KeptOverride_NoEvent(OverrideStanding standing)
    {
        var stored = new OverrideState(true, J(2024, 7, 1, 11, 0), "staff", null, Morning);

        Assert.Null(DoorAudit.OverrideCleared(stored, standing, OverrideRules.DefaultMaximum, Morning, Jakarta));
    }

    [Fact]
    public void OverrideSet_And_DoorChanged_CarryTheFields()
    {
        var set = new OverrideState(true, J(2024, 7, 1, 16, 30), "staff", "antrian", Morning);

        var e = DoorAudit.OverrideSet(set, "staff", Morning, Jakarta);
        var auto = DoorAudit.OverrideSet(null, "admin", Morning, Jakarta);
        var door = DoorAudit.DoorChanged(DoorDecision.Decide(Today, null, true, Morning, Options), Morning, Jakarta);

        Assert.Equal(("override", "staff", "open", "2024-07-01T16:30:00+07:00", "antrian"), (e.Type, e.By, e.State, e.Until, e.Reason));
        Assert.Equal(("auto", (string?)null), (auto.State, auto.Until));
        Assert.Equal(("door", "controller", "open", "regular", "open"), (door.Type, door.By, door.State, door.Reason, door.Detail));
    }

    [Fact]
    public void StatusSameContent_OnlyUpdatedAtDiffers_Same_TodayHoursDiffer_NotSame()
    {
        var state = DoorDecision.Decide(Today, null, true, Morning, Options);
        var a = StatusMessages.From(state, true, Jakarta, Morning);
        var later = StatusMessages.From(state, true, Jakarta, Morning + Duration.FromSeconds(30));

        Assert.True(StatusMessages.SameContent(later, a));
        Assert.False(StatusMessages.SameContent(a with { TodayHours = ["08:00-12:00"] }, a));
        Assert.False(StatusMessages.SameContent(a with { Relay = "off" }, a));
        Assert.False(StatusMessages.SameContent(a, null));
    }

    private static DoorSituation Situation(bool synced) =>
        new(Morning, Today, DoorDecision.Decide(Today, null, true, Morning, Options), null, synced, Options);
}
