using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using NodaTime;
using static MppSignage.Shared.Tests.Schedule.ScheduleFixtures;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.Shared.Tests.Schedule;

/// <summary>
/// Properties over many random instants, checked against a deliberately naive reference: the
/// precedence rules applied by linear search and the engine's GetState at every minute. The
/// schedule under test answers from cached timelines, so the two share nothing but the engine.
/// </summary>
public sealed class SchedulePropertyTests
{
    // Every layer, comments, a PH rule, a span past midnight, a lunch break and an unknown state.
    private const string Rich = """
        {
          "timeZone": "Asia/Jakarta",
          "versions": [
            { "from": "2020-01-01", "hours": "Mo-Th 08:00-13:00; Fr 08:00-11:00", "source": "before" },
            { "from": "2024-07-01", "hours": "Mo-Th 08:00-14:00; Fr 08:00-11:00; Sa 08:00-12:00 unknown \"piket\"; PH off \"libur nasional\"", "source": "decree" },
            { "from": "2026-01-01", "to": "2027-06-30", "hours": "Mo-Fr 08:00-12:00,13:00-16:00; Fr[-1] off \"bersih-bersih\"", "source": "trial" },
            { "from": "2027-07-06", "hours": "Mo-Th 08:00-14:00; Fr 08:00-11:00", "source": "after gap" }
          ],
          "holidays": { "closeOn": ["cuti-bersama"] },
          "specialPeriods": [
            { "name": "Ramadan 1446 H", "from": "2025-03-01", "to": "2025-03-30", "hours": "Mo-Th 08:00-13:00; Fr 08:00-11:00" },
            { "name": "Pekan layanan malam", "from": "2025-10-06", "to": "2025-10-12", "hours": "Mo-Fr 18:00-23:00; Sa 20:00-02:00" }
          ],
          "closures": [
            { "date": "2024-12-31", "reason": "Tutup buku" },
            { "date": "2025-05-02", "reason": "Layanan terbatas", "hours": "09:00-11:00 open \"loket 1 saja\"" },
            { "from": "2026-03-25", "to": "2026-03-27", "reason": "Renovasi" }
          ]
        }
        """;

    private static readonly Lazy<SiteSchedule> RichSchedule = new(() => Load(Rich));

    private static readonly Instant RangeStart = Jakarta(2024, 1, 1, 0, 0);
    private static readonly Instant RangeEnd = Jakarta(2027, 12, 31, 0, 0);

    public static TheoryData<string> Schedules => ["default", "rich"];

    private static SiteSchedule Get(string which) => which == "rich" ? RichSchedule.Value : Default;

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Evaluate_RandomInstants_AgreesWithNaiveReference_AndNextChangeIsTheFirstDifferingMinute(string which)
    {
        var s = Get(which);
        var random = new Random(20240701);
        for (var k = 0; k < 300; k++)
        {
            // Half anywhere, half on the days where layers meet (holidays, periods, closures, switches).
            var t = k % 2 == 0 ? RandomMinute(random) : RandomInterestingMinute(s, random);
            var e = s.Evaluate(t);
            var key = Key(e);
            Assert.Equal(Reference(s, t), key);

            // Every minute up to NextChange answers the same; NextChange itself differs.
            var next = e.NextChange;
            Assert.NotNull(next); // these schedules always change within days
            for (var m = t + Duration.FromMinutes(1); m < next!.Value; m += Duration.FromMinutes(1))
            {
                if (Reference(s, m) != key)
                {
                    Assert.Fail($"{which}: at {t} NextChange={next} but {m} already differs: {Reference(s, m)} vs {key}");
                }
            }

            Assert.NotEqual(key, Reference(s, next.Value));

            // Since: the answer holds from Since, and differed the minute before.
            Assert.True(e.Since is not null, $"{which}: Since is null at {t}: {e}");
            Assert.True(e.Since <= t);
            Assert.Equal(key, Reference(s, e.Since!.Value));
            Assert.NotEqual(key, Reference(s, e.Since.Value - Duration.FromMinutes(1)));

            // ClosesAt / OpensAt: the first minute where the state leaves / becomes open.
            if (e.State == OpeningState.Open)
            {
                Assert.Null(e.OpensAt);
                Assert.NotEqual(OpeningState.Open, Reference(s, e.ClosesAt!.Value).State);
                Assert.Equal(OpeningState.Open, Reference(s, e.ClosesAt.Value - Duration.FromMinutes(1)).State);
            }
            else
            {
                Assert.Null(e.ClosesAt);
                Assert.Equal(OpeningState.Open, Reference(s, e.OpensAt!.Value).State);
                Assert.NotEqual(OpeningState.Open, Reference(s, e.OpensAt.Value - Duration.FromMinutes(1)).State);
                Assert.True(e.OpensAt >= next.Value);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void OpenIntervals_RandomWindows_AgreeWithEvaluate(string which)
    {
        var s = Get(which);
        var random = new Random(17081945);
        for (var k = 0; k < 30; k++)
        {
            var from = RandomMinute(random);
            var to = from + Duration.FromHours(random.Next(1, 24 * 4));
            var intervals = s.OpenIntervals(from, to);

            // Ordered, inside the window, non-empty, and neither overlapping nor touching.
            for (var i = 0; i < intervals.Count; i++)
            {
                Assert.True(intervals[i].Start >= from && intervals[i].End <= to && intervals[i].Start < intervals[i].End);
                if (i > 0)
                {
                    Assert.True(intervals[i - 1].End < intervals[i].Start);
                }
            }

            for (var m = from; m < to; m += Duration.FromMinutes(1))
            {
                var inside = intervals.Any(i => i.Contains(m));
                var open = s.Evaluate(m).State == OpeningState.Open;
                if (inside != open)
                {
                    Assert.Fail($"{which}: {m} is {(inside ? "inside" : "outside")} OpenIntervals({from}, {to}) but Evaluate says {(open ? "open" : "not open")}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void TodayHours_AreTheOpenIntervalsOfTheLocalDay(string which)
    {
        var s = Get(which);
        var random = new Random(31122024);
        for (var k = 0; k < 100; k++)
        {
            var t = RandomMinute(random);
            var date = t.InZone(s.Zone).Date;
            var dayStart = s.Zone.AtStartOfDay(date).ToInstant();
            var dayEnd = s.Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
            Assert.Equal(s.OpenIntervals(dayStart, dayEnd), s.Evaluate(t).TodayHours);

            var day = s.Day(date);
            Assert.Equal(s.Evaluate(t).TodayHours.Count, day.Spans.Count);
        }
    }

    [Fact]
    public void Rich_SpanPastMidnightInsideSpecialPeriod()
    {
        var s = RichSchedule.Value;
        // Saturday 11 October 2025 20:00 – Sunday 02:00 (same period), then closed.
        var e = s.Evaluate(Jakarta(2025, 10, 12, 1, 0));
        Assert.Equal(OpeningState.Open, e.State);
        Assert.Equal("Pekan layanan malam", e.Name);
        Assert.Equal(Jakarta(2025, 10, 12, 2, 0), e.ClosesAt);
        Assert.Equal(Jakarta(2025, 10, 11, 20, 0), e.Since);
    }

    [Fact]
    public void Rich_CommentOnlyChange_IsAChange()
    {
        var s = RichSchedule.Value;
        // 2 May 2025: closure with hours 09:00–11:00 open "loket 1 saja".
        var e = s.Evaluate(Jakarta(2025, 5, 2, 10, 0));
        Assert.Equal(ScheduleReason.Special, e.Reason);
        Assert.Equal("loket 1 saja", e.Comment);
        Assert.Equal(Jakarta(2025, 5, 2, 11, 0), e.NextChange);
    }

    [Fact]
    public void Rich_PublicHolidayRule_GivesItsComment()
    {
        var s = RichSchedule.Value;
        // 17 August 2024 is a Saturday (would be "piket"); libur nasional does not close by policy here, PH off does.
        var e = s.Evaluate(Jakarta(2024, 8, 17, 9, 0));
        Assert.Equal(OpeningState.Closed, e.State);
        Assert.Equal(ScheduleReason.Regular, e.Reason);
        Assert.Equal("libur nasional", e.Comment);
    }

    [Fact]
    public void Rich_UnknownState_HasNoClosesAt()
    {
        var s = RichSchedule.Value;
        var e = s.Evaluate(Jakarta(2024, 7, 6, 9, 0)); // Saturday "piket"
        Assert.Equal(OpeningState.Unknown, e.State);
        Assert.Equal("piket", e.Comment);
        Assert.Null(e.ClosesAt);
        Assert.Equal(Jakarta(2024, 7, 8, 8, 0), e.OpensAt);
    }

    private static Instant RandomInterestingMinute(SiteSchedule s, Random random)
    {
        var days = new List<LocalDate>();
        days.AddRange(s.Holidays.All.Select(h => h.Date));
        foreach (var p in s.SpecialPeriods)
        {
            days.AddRange([p.From.PlusDays(-1), p.From, p.To, p.To.PlusDays(1)]);
        }

        foreach (var c in s.Closures)
        {
            days.AddRange([c.From.PlusDays(-1), c.From, c.To, c.To.PlusDays(1)]);
        }

        foreach (var v in s.Versions)
        {
            days.AddRange([v.From.PlusDays(-1), v.From]);
        }

        var first = RangeStart.InZone(s.Zone).Date;
        var last = RangeEnd.InZone(s.Zone).Date;
        days.RemoveAll(d => d < first || d >= last);
        var day = days[random.Next(days.Count)];
        return s.Zone.AtStartOfDay(day).ToInstant() + Duration.FromMinutes(random.Next(24 * 60));
    }

    private static Instant RandomMinute(Random random)
    {
        var minutes = (long)(RangeEnd - RangeStart).TotalMinutes;
        return RangeStart + Duration.FromMinutes(random.NextInt64(minutes));
    }

    private static (OpeningState State, ScheduleReason Reason, string? Name, string? Comment) Key(ScheduleEvaluation e) =>
        (e.State, e.Reason, e.Name, e.Comment);

    /// <summary>The precedence rules of the README, applied literally at one instant.</summary>
    private static (OpeningState State, ScheduleReason Reason, string? Name, string? Comment) Reference(SiteSchedule s, Instant t)
    {
        var local = t.InZone(s.Zone).LocalDateTime;
        var d = local.Date;
        foreach (var c in s.Closures)
        {
            if (c.From <= d && d <= c.To)
            {
                if (c.Expression is null)
                {
                    return (OpeningState.Closed, ScheduleReason.Closure, c.Reason, null);
                }

                var r = c.Expression.GetState(local, s.Holidays);
                return (r.State, ScheduleReason.Special, c.Reason, r.Comment);
            }
        }

        foreach (var h in s.Holidays.All)
        {
            if (h.Date == d && s.HolidayPolicy.CloseOn.Contains(h.Kind))
            {
                return (OpeningState.Closed, ScheduleReason.Holiday, h.Name, null);
            }
        }

        foreach (var p in s.SpecialPeriods)
        {
            if (p.From <= d && d <= p.To)
            {
                var r = p.Expression.GetState(local, s.Holidays);
                return (r.State, ScheduleReason.Special, p.Name, r.Comment);
            }
        }

        ScheduleVersion? version = null;
        foreach (var v in s.Versions)
        {
            if (v.From <= d)
            {
                version = v;
            }
        }

        if (version is null || (version.To is { } to && d > to))
        {
            return (OpeningState.Closed, ScheduleReason.Regular, null, null);
        }

        var rv = version.Expression.GetState(local, s.Holidays);
        return (rv.State, ScheduleReason.Regular, null, rv.Comment);
    }
}
