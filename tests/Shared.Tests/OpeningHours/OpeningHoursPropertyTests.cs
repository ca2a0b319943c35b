using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>Properties over many random expressions and instants, checked by stepping minute by minute.</summary>
public sealed class OpeningHoursPropertyTests
{
    private static readonly DictionaryHolidayCalendar Holidays = new(new Dictionary<LocalDate, string>
    {
        [new LocalDate(2024, 6, 17)] = "Idul Adha",
        [new LocalDate(2024, 8, 17)] = "Hari Kemerdekaan",
        [new LocalDate(2024, 9, 16)] = "Maulid Nabi",
        [new LocalDate(2024, 12, 25)] = "Natal",
        [new LocalDate(2024, 12, 26)] = "Cuti Bersama Natal",
        [new LocalDate(2025, 1, 1)] = "Tahun Baru",
        [new LocalDate(2025, 8, 18)] = "Cuti Bersama Kemerdekaan",
    });

    private static IEnumerable<(OpeningHoursExpression Expression, LocalDateTime At)> Samples(int seed, int count)
    {
        // Without open ends and late modifiers: with those the reference's state looks one minute back, and its
        // next change (which the engine follows) may skip a minute where the state differs.
        var generator = new ExpressionGenerator(seed) { Quirks = false };
        var r = new Random(seed);
        int produced = 0;
        while (produced < count)
        {
            OpeningHoursParseResult parsed = OpeningHoursExpression.Parse(generator.Next());
            if (!parsed.Success)
            {
                continue;
            }
            // Mostly around the holidays above, so that PH rules take part.
            LocalDate date = r.Next(2) == 0
                ? new LocalDate(2024, 6, 10).PlusDays(r.Next(240))
                : new LocalDate(2012 + r.Next(18), 1, 1).PlusDays(r.Next(365));
            produced++;
            yield return (parsed.Expression!, date.At(new LocalTime(r.Next(24), r.Next(60))));
        }
    }

    [Fact]
    public void GetNextChange_IsTheFirstMinuteWhereTheStateDiffers()
    {
        const int window = 6 * 24 * 60; // minutes stepped through after each instant
        foreach ((OpeningHoursExpression e, LocalDateTime at) in Samples(seed: 7, count: 200))
        {
            OpeningState initial = e.GetState(at, Holidays).State;
            LocalDateTime? next = e.GetNextChange(at, Holidays);
            string context = $"'{e.Text}' from {at:uuuu-MM-dd HH:mm}, next change {next:uuuu-MM-dd HH:mm}";
            LocalDateTime t = at;
            for (int i = 1; i <= window; i++)
            {
                t = t.PlusMinutes(1);
                if (next is not null && t >= next.Value)
                {
                    break;
                }
                Assert.True(e.GetState(t, Holidays).State == initial, $"{context}: the state already differs at {t:uuuu-MM-dd HH:mm}");
            }
            if (next is not null)
            {
                Assert.True(next.Value > at, context);
                Assert.True(e.GetState(next.Value, Holidays).State != initial, $"{context}: the state is the same at the next change");
                Assert.True(e.GetState(next.Value.PlusMinutes(-1), Holidays).State == initial, $"{context}: the state differs before the next change");
            }
        }
    }

    [Fact]
    public void GetIntervals_AreContiguousAndAgreeWithGetState()
    {
        var r = new Random(11);
        foreach ((OpeningHoursExpression e, LocalDateTime from) in Samples(seed: 12, count: 250))
        {
            LocalDateTime to = from.PlusMinutes(1 + r.Next(4 * 24 * 60));
            IReadOnlyList<OpeningHoursInterval> intervals = e.GetIntervals(from, to, Holidays);
            string context = $"'{e.Text}' over {from:uuuu-MM-dd HH:mm}..{to:uuuu-MM-dd HH:mm}";

            Assert.NotEmpty(intervals);
            Assert.Equal(from, intervals[0].From);
            Assert.Equal(to, intervals[^1].To);
            for (int i = 0; i < intervals.Count; i++)
            {
                OpeningHoursInterval interval = intervals[i];
                Assert.True(interval.From < interval.To, context);
                if (i > 0)
                {
                    Assert.Equal(intervals[i - 1].To, interval.From);
                    Assert.False(intervals[i - 1].State == interval.State && intervals[i - 1].Comment == interval.Comment, $"{context}: equal neighbours not merged");
                }
                // Every minute of the interval has its state and comment (checked on up to 60 minutes each).
                long minutes = Period.Between(interval.From, interval.To, PeriodUnits.Minutes).Minutes;
                for (int k = 0; k < Math.Min(minutes, 60); k++)
                {
                    LocalDateTime t = interval.From.PlusMinutes(minutes <= 60 ? k : r.NextInt64(minutes));
                    OpeningHoursResult state = e.GetState(t, Holidays);
                    Assert.True(state == new OpeningHoursResult(interval.State, interval.Comment),
                        $"{context}: at {t:uuuu-MM-dd HH:mm} the state is {state} but the interval says {interval}");
                }
            }
        }
    }
}
