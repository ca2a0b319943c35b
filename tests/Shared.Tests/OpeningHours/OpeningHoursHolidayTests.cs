using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>PH through <see cref="IHolidayCalendar"/>, and other behaviour the table does not cover.</summary>
public sealed class OpeningHoursHolidayTests
{
    private const string Decree = "Mo-Th 08:00-14:00; Fr 08:00-11:00; PH off";

    private static readonly DictionaryHolidayCalendar Calendar = new(new Dictionary<LocalDate, string>
    {
        [new LocalDate(2024, 6, 17)] = "Idul Adha 1445 H",
        [new LocalDate(2024, 6, 18)] = "Cuti Bersama Idul Adha",
        [new LocalDate(2024, 9, 16)] = "Maulid Nabi Muhammad SAW",
    });

    private static OpeningHoursExpression Parse(string text) => OpeningHoursExpression.Parse(text).Expression!;

    [Fact]
    public void PhOff_OnHoliday_ClosedWithHolidayNameAndReopensAfter()
    {
        OpeningHoursExpression e = Parse(Decree);
        var at = new LocalDateTime(2024, 6, 17, 9, 0); // Monday, Idul Adha

        Assert.Equal(new OpeningHoursResult(OpeningState.Closed, "Idul Adha 1445 H"), e.GetState(at, Calendar));
        // The 18th is a holiday too; the next opening is Wednesday.
        Assert.Equal(new LocalDateTime(2024, 6, 19, 8, 0), e.GetNextChange(at, Calendar));
        Assert.True(e.UsesPublicHolidays);
    }

    [Fact]
    public void Ph_WithoutCalendar_NeverMatches()
    {
        OpeningHoursExpression e = Parse(Decree);

        Assert.Equal(new OpeningHoursResult(OpeningState.Open, null), e.GetState(new LocalDateTime(2024, 9, 16, 9, 0)));
        Assert.Equal(new OpeningHoursResult(OpeningState.Closed, "Maulid Nabi Muhammad SAW"), e.GetState(new LocalDateTime(2024, 9, 16, 9, 0), Calendar));
    }

    [Fact]
    public void Ph_OpenRule_NamesTheHolidayAndNextChangeFindsTheNextHoliday()
    {
        OpeningHoursExpression e = Parse("PH 10:00-12:00");
        var before = new LocalDateTime(2024, 7, 1, 9, 0);

        Assert.Equal(new LocalDateTime(2024, 9, 16, 10, 0), e.GetNextChange(before, Calendar));
        Assert.Equal(new OpeningHoursResult(OpeningState.Open, "Maulid Nabi Muhammad SAW"), e.GetState(new LocalDateTime(2024, 9, 16, 11, 0), Calendar));
    }

    [Fact]
    public void PhInWeekdayList_IsAnAlternative_PhBeforeWeekdays_IsACondition()
    {
        OpeningHoursExpression either = Parse("Sa,PH 09:00-12:00");
        OpeningHoursExpression both = Parse("PH Mo 09:00-12:00");
        var mondayHoliday = new LocalDateTime(2024, 6, 17, 10, 0);
        var tuesdayHoliday = new LocalDateTime(2024, 6, 18, 10, 0);
        var saturday = new LocalDateTime(2024, 6, 22, 10, 0);

        Assert.Equal(OpeningState.Open, either.GetState(tuesdayHoliday, Calendar).State);
        Assert.Equal(OpeningState.Open, either.GetState(saturday, Calendar).State);
        Assert.Equal(OpeningState.Open, both.GetState(mondayHoliday, Calendar).State);
        Assert.Equal(OpeningState.Closed, both.GetState(tuesdayHoliday, Calendar).State);
    }

    [Fact]
    public void GetIntervals_DecreeWeek_ListsEachDayAndMergesTheWeekend()
    {
        OpeningHoursExpression e = Parse(Decree);
        var monday = new LocalDateTime(2024, 7, 1, 0, 0);

        IReadOnlyList<OpeningHoursInterval> week = e.GetIntervals(monday, monday.PlusDays(7), Calendar);

        var open = week.Where(i => i.State == OpeningState.Open).Select(i => $"{i.From:ddd HH:mm}-{i.To:HH:mm}").ToArray();
        Assert.Equal(["Mon 08:00-14:00", "Tue 08:00-14:00", "Wed 08:00-14:00", "Thu 08:00-14:00", "Fri 08:00-11:00"], open);
        Assert.Equal(new OpeningHoursInterval(new LocalDateTime(2024, 7, 5, 11, 0), new LocalDateTime(2024, 7, 8, 0, 0), OpeningState.Closed, null), week[^1]);
        Assert.Equal(11, week.Count);
    }

    [Fact]
    public void GetNextChange_CommentOnlyBoundaries_AreSkippedButIntervalsShowThem()
    {
        OpeningHoursExpression e = Parse("Mo-Fr 08:00-16:00; 2024 Apr 08-2024 Apr 15 off \"Idul Fitri 1445 H\"");
        var at = new LocalDateTime(2024, 4, 13, 9, 0); // Saturday inside the closure

        Assert.Equal(new LocalDateTime(2024, 4, 16, 8, 0), e.GetNextChange(at));
        IReadOnlyList<OpeningHoursInterval> intervals = e.GetIntervals(at, new LocalDateTime(2024, 4, 16, 12, 0));
        Assert.Equal(
            [
                new OpeningHoursInterval(at, new LocalDateTime(2024, 4, 16, 0, 0), OpeningState.Closed, "Idul Fitri 1445 H"),
                new OpeningHoursInterval(new LocalDateTime(2024, 4, 16, 0, 0), new LocalDateTime(2024, 4, 16, 8, 0), OpeningState.Closed, null),
                new OpeningHoursInterval(new LocalDateTime(2024, 4, 16, 8, 0), new LocalDateTime(2024, 4, 16, 12, 0), OpeningState.Open, null),
            ],
            intervals);
    }

    [Fact]
    public void GetNextChange_NothingChangesWithinTheHorizon_IsNull()
    {
        // Closed until 2031: more than 5 × 366 days after 2024-07-01, so the reference gives up.
        Assert.Null(Parse("2031 Mo-Fr 08:00-12:00").GetNextChange(new LocalDateTime(2024, 7, 1, 0, 0)));
        Assert.Equal(new LocalDateTime(2029, 1, 1, 8, 0), Parse("2029 Mo-Fr 08:00-12:00").GetNextChange(new LocalDateTime(2024, 7, 1, 0, 0)));
    }

    [Fact]
    public void GetState_SecondsAreIgnored()
    {
        OpeningHoursExpression e = Parse(Decree);

        Assert.Equal(OpeningState.Closed, e.GetState(new LocalDateTime(2024, 7, 1, 7, 59, 59), Calendar).State);
        Assert.Equal(new LocalDateTime(2024, 7, 1, 8, 0), e.GetNextChange(new LocalDateTime(2024, 7, 1, 7, 59, 59), Calendar));
        Assert.Equal(OpeningState.Open, e.GetState(new LocalDateTime(2024, 7, 1, 13, 59, 59), Calendar).State);
    }
}
