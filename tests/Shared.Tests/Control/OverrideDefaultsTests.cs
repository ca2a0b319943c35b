using MppSignage.Shared.Control;
using MppSignage.Shared.Schedule;
using NodaTime;
using static MppSignage.Shared.Tests.Control.EvaluationBuilder;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Control;

/// <summary>Issue 14 items 1–3: the end of an override without <c>until</c>, and refusals in site time.</summary>
public sealed class OverrideDefaultsTests
{
    private static readonly OverridePolicy Policy = new(Duration.FromHours(12), Duration.FromHours(1), Jakarta);

    [Theory]
    // after closing (14:00): the default hour, not until tomorrow's 08:00 (the reported 02.50)
    [InlineData("2026-12-01T14:50", "2026-12-01T15:50")]
    // late evening: the default hour stops at local midnight
    [InlineData("2026-12-01T23:30", "2026-12-02T00:00")]
    // early morning before opening at 08:00: ends at the scheduled opening, which carries on
    [InlineData("2026-12-01T07:30", "2026-12-01T08:00")]
    public void Apply_OpenWithoutUntilWhileClosed_LastsTheDefaultNeverPastMidnight(string now, string expected)
    {
        var at = L(now);
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, null, "antrian masih panjang"), "staff", at, ClosedDay(at), Policy);
        Assert.True(outcome.Result.Ok);
        Assert.True(outcome.Override!.Open);
        Assert.Equal(L(expected), outcome.Override.Until);
    }

    [Fact]
    public void Apply_OpenWithoutUntilOnAClosedHoliday_LastsTheDefault()
    {
        var at = L("2026-12-25T10:00");
        var holiday = Closed(L("2026-12-24T14:00"), L("2026-12-28T08:00"), name: "Hari Raya Natal", reason: ScheduleReason.Holiday);
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, null, null), "staff", at, holiday, Policy);
        Assert.Equal(L("2026-12-25T11:00"), outcome.Override!.Until);
    }

    [Fact]
    public void Apply_OpenWithoutUntilAndNoSchedule_LastsTheDefault()
    {
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, null, null), "staff", L("2026-12-01T10:00"), null, Policy);
        Assert.Equal(L("2026-12-01T11:00"), outcome.Override!.Until);
    }

    [Fact]
    public void Apply_ClosedWithoutUntilDuringHours_EndsAtTheScheduledClose()
    {
        var at = L("2026-12-01T10:00");
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Closed, null, "rapat"), "staff", at, OpenDay(at), Policy);
        Assert.False(outcome.Override!.Open);
        Assert.Equal(L("2026-12-01T14:00"), outcome.Override.Until);
    }

    [Fact]
    public void Apply_OpenWithoutUntilDuringHours_EndsAtTheScheduledClose()
    {
        var at = L("2026-12-01T10:00");
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, null, null), "staff", at, OpenDay(at), Policy);
        Assert.Equal(L("2026-12-01T14:00"), outcome.Override!.Until);
    }

    [Fact]
    public void Apply_DefaultLongerThanMaximum_IsCappedByTheMaximum()
    {
        var at = L("2026-12-01T15:00");
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, null, null), "staff", at, ClosedDay(at), Policy with { Maximum = Duration.FromMinutes(20) });
        Assert.Equal(L("2026-12-01T15:20"), outcome.Override!.Until);
    }

    [Fact]
    public void Apply_UntilInThePast_SaysBothInstantsInSiteTime()
    {
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, L("2026-12-01T14:00"), null), "staff", L("2026-12-01T14:59:12"), null, Policy);
        Assert.False(outcome.Result.Ok);
        Assert.Equal("until", outcome.Result.Field);
        Assert.Contains("2026-12-01T14:00:00+07:00 is not in the future", outcome.Result.Error);
        Assert.Contains("now is 2026-12-01T14:59:12+07:00", outcome.Result.Error);
        Assert.DoesNotContain("Z", outcome.Result.Error);
    }

    [Fact]
    public void Apply_UntilBeyondTheMaximum_SaysTheInstantUnderstood()
    {
        // "--until 10:00" given at 14:00 is tomorrow 10:00: the refusal names it, with now and the latest.
        var outcome = OverrideRules.Apply(new OverrideCommand(OverrideTarget.Open, L("2026-12-02T10:00"), null), "staff", L("2026-12-01T14:00"), null, Policy);
        Assert.False(outcome.Result.Ok);
        Assert.Equal("2026-12-02T10:00:00+07:00 is beyond the maximum override of 12 h (now is 2026-12-01T14:00:00+07:00, latest 2026-12-02T02:00:00+07:00)", outcome.Result.Error);
    }

    // Mon–Thu 08:00–14:00: closed since the last close and opening at the next 08:00, or open until 14:00.
    private static ScheduleEvaluation ClosedDay(Instant at)
    {
        var local = at.InZone(Jakarta);
        var opens = local.TimeOfDay < new LocalTime(8, 0) ? local.Date : local.Date.PlusDays(1);
        return Closed(At(opens.PlusDays(-1), 14), At(opens, 8));
    }

    private static ScheduleEvaluation OpenDay(Instant at)
    {
        var date = at.InZone(Jakarta).Date;
        return Open(At(date, 8), At(date, 14));
    }

    private static Instant At(LocalDate date, int hour) => J(date.Year, date.Month, date.Day, hour, 0);

    private static Instant L(string local)
    {
        var t = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(local.Length == 16 ? local + ":00" : local).Value;
        return J(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second);
    }
}
