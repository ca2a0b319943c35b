using MppSignage.Shared.Control;
using NodaTime;
using static MppSignage.Shared.Tests.Control.EvaluationBuilder;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Control;

public sealed class OverrideRulesTests
{
    private static readonly OverridePolicy Max = new(Duration.FromHours(12), Duration.FromHours(1), Jakarta);

    [Fact]
    public void Apply_NoUntil_EndsAtNextScheduledChange()
    {
        var now = J(2024, 7, 1, 10, 0);
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Closed, null, "rapat"), "staff", now, Open(J(2024, 7, 1, 8, 0), J(2024, 7, 1, 14, 0)), Max);
        Assert.True(outcome.Result.Ok);
        Assert.Equal(J(2024, 7, 1, 14, 0), outcome.Override!.Until);
        Assert.False(outcome.Override.Open);
        Assert.Equal("staff", outcome.Override.By);
    }

    [Fact]
    public void Apply_NoUntilAndNextChangeBeyondCap_IsCapped()
    {
        // Closed after hours: until the next opening (08:00 tomorrow), capped by the 12 h maximum.
        var now = J(2024, 7, 1, 15, 0);
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Closed, null, null), "staff", now, Closed(J(2024, 7, 1, 14, 0), J(2024, 7, 2, 8, 0)), Max);
        Assert.Equal(J(2024, 7, 2, 3, 0), outcome.Override!.Until);
    }

    [Fact]
    public void Apply_UntilInPast_IsRefused()
    {
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, J(2024, 7, 1, 9, 0), null), "staff", J(2024, 7, 1, 10, 0), null, Max);
        Assert.False(outcome.Result.Ok);
        Assert.Equal("until", outcome.Result.Field);
        Assert.Contains("not in the future", outcome.Result.Error);
    }

    [Fact]
    public void Apply_UntilBeyondCap_IsRefused()
    {
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, J(2024, 7, 2, 9, 0), null), "staff", J(2024, 7, 1, 10, 0), null, Max);
        Assert.False(outcome.Result.Ok);
        Assert.Equal("until", outcome.Result.Field);
        Assert.Contains("maximum override of 12 h", outcome.Result.Error);
        Assert.Contains("2024-07-02T09:00:00+07:00", outcome.Result.Error);
    }

    [Fact]
    public void Apply_Auto_ClearsOverride()
    {
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Auto, null, null), "admin", J(2024, 7, 1, 10, 0), null, Max);
        Assert.True(outcome.Result.Ok);
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Toggle_WhenOppositeIsScheduleState_GoesBackToAuto()
    {
        // Door forced open while the schedule says closed: a press closes it by returning to automatic.
        var outcome = OverrideRules.Toggle(doorOpen: true, autoOpen: false, J(2024, 7, 1, 15, 0), Closed(J(2024, 7, 1, 14, 0), J(2024, 7, 2, 8, 0)), Max);
        Assert.True(outcome.Result.Ok);
        Assert.Null(outcome.Override);
    }

    [Fact]
    public void Toggle_ClosedBySchedule_OpensForTheDefaultDuration()
    {
        var outcome = OverrideRules.Toggle(doorOpen: false, autoOpen: false, J(2024, 7, 1, 7, 30), Closed(J(2024, 6, 28, 11, 0), J(2024, 7, 1, 8, 0)), Max);
        Assert.True(outcome.Override!.Open);
        // Before opening the default hour is cut at the scheduled opening, which then carries on.
        Assert.Equal(J(2024, 7, 1, 8, 0), outcome.Override.Until);
        Assert.Equal("button", outcome.Override.By);
    }
}
