using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Wording;
using NodaTime;
using static MppSignage.Shared.Tests.Schedule.ScheduleFixtures;

namespace MppSignage.Shared.Tests.Schedule;

/// <summary>The shipped document for MPP Kota Probolinggo (deploy-pi/config/schedule.json).</summary>
public sealed class DefaultScheduleTests
{
    private const string Decree = "SK DPMPTSP Kota Probolinggo No. 500.16.7.2/290/425.117/2024";

    [Theory]
    [InlineData(2024, 6, 17, "Hari Raya Idul Adha 1445 Hijriah")]      // libur nasional, a Monday
    [InlineData(2024, 6, 18, "Hari Raya Idul Adha 1445 Hijriah")]      // cuti bersama after it
    [InlineData(2024, 9, 16, "Maulid Nabi Muhammad SAW")]              // libur nasional (npm data has it wrong)
    [InlineData(2025, 8, 18, "HUT ke-80 Kemerdekaan Republik Indonesia")] // cuti bersama added by the 2025 amendment
    [InlineData(2026, 3, 20, "Idulfitri 1447 Hijriah")]                // cuti bersama, a Friday
    [InlineData(2024, 4, 10, "Hari Raya Idul Fitri 1445 Hijriah")]     // libur nasional, a Wednesday
    public void Evaluate_OfficialHolidayInOpeningHours_ClosedAsHoliday(int y, int m, int d, string name)
    {
        var e = Default.Evaluate(Jakarta(y, m, d, 9, 0));
        Assert.Equal(OpeningState.Closed, e.State);
        Assert.Equal(ScheduleReason.Holiday, e.Reason);
        Assert.Equal(name, e.Name);
        Assert.Empty(e.TodayHours);
        Assert.NotNull(e.Source); // the decree of the holiday (SKB / Keppres)
    }

    [Fact]
    public void Evaluate_CutiBersama_2025_08_18_ComesFromTheAmendment()
    {
        var e = Default.Evaluate(Jakarta(2025, 8, 18, 10, 0));
        Assert.Equal(ScheduleReason.Holiday, e.Reason);
        Assert.Equal("SKB 933/2025; 1/2025; 3/2025", e.Source);
        Assert.Equal(Shared.Holidays.HolidayKinds.CutiBersama, HolidayKindsOf(new LocalDate(2025, 8, 18)));
    }

    [Fact]
    public void Evaluate_DayBeforeHoliday_NextChangeIsHolidayMidnightThenOpensAfter()
    {
        // Friday 14 June 2024 10:00: open until 11:00; Monday 17 (Idul Adha) and Tuesday 18 (cuti bersama) closed.
        var e = Default.Evaluate(Jakarta(2024, 6, 14, 10, 0));
        Assert.Equal(OpeningState.Open, e.State);
        Assert.Equal(ScheduleReason.Regular, e.Reason);
        Assert.Equal(Jakarta(2024, 6, 14, 11, 0), e.NextChange);
        Assert.Equal(Jakarta(2024, 6, 14, 11, 0), e.ClosesAt);

        var after = Default.Evaluate(Jakarta(2024, 6, 14, 11, 0));
        Assert.Equal(OpeningState.Closed, after.State);
        Assert.Equal(Jakarta(2024, 6, 17, 0, 0), after.NextChange);       // the holiday starts: reason changes
        Assert.Equal(Jakarta(2024, 6, 19, 8, 0), after.OpensAt);          // Wednesday 08:00

        var holiday = Default.Evaluate(Jakarta(2024, 6, 17, 12, 0));
        Assert.Equal(Jakarta(2024, 6, 17, 0, 0), holiday.Since);
        // The 18th (cuti bersama) has the same name, so it is no change; Wednesday 00:00 is (back to regular).
        Assert.Equal(Jakarta(2024, 6, 19, 0, 0), holiday.NextChange);
        Assert.Equal(Jakarta(2024, 6, 19, 8, 0), holiday.OpensAt);
    }

    [Fact]
    public void Evaluate_VersionSwitch_2024_07_01()
    {
        // Thursday 27 June 2024 13:30: the pre-decree hours ended at 13:00.
        var before = Default.Evaluate(Jakarta(2024, 6, 27, 13, 30));
        Assert.Equal(OpeningState.Closed, before.State);
        Assert.Equal(ScheduleReason.Regular, before.Reason);
        Assert.Equal(Jakarta(2024, 6, 27, 13, 0), before.Since);
        Assert.Equal(Jakarta(2024, 6, 28, 8, 0), before.NextChange);
        Assert.StartsWith("Jam layanan sebelum SK 2024", before.Source);

        // Monday 1 July 2024 13:30: the decree keeps the hall open until 14:00.
        var after = Default.Evaluate(Jakarta(2024, 7, 1, 13, 30));
        Assert.Equal(OpeningState.Open, after.State);
        Assert.Equal(Jakarta(2024, 7, 1, 14, 0), after.NextChange);
        Assert.Equal(Jakarta(2024, 7, 1, 14, 0), after.ClosesAt);
        Assert.Equal(Decree, after.Source);
        Assert.Equal([new Interval(Jakarta(2024, 7, 1, 8, 0), Jakarta(2024, 7, 1, 14, 0))], after.TodayHours);

        // Friday 28 June 11:00 → opens Monday 1 July 08:00 under the new decree.
        var weekend = Default.Evaluate(Jakarta(2024, 6, 29, 12, 0));
        Assert.Equal(Jakarta(2024, 7, 1, 8, 0), weekend.OpensAt);
        Assert.Equal(Jakarta(2024, 6, 28, 11, 0), weekend.Since);
    }

    [Fact]
    public void VersionAt_SwitchesOnTheDecreeDate()
    {
        Assert.Equal(new LocalDate(2020, 1, 1), Default.VersionAt(new LocalDate(2024, 6, 30))!.From);
        Assert.Equal(Decree, Default.VersionAt(new LocalDate(2024, 7, 1))!.Source);
    }

    [Fact]
    public void Evaluate_Ramadan_SpecialHours()
    {
        // Thursday 13 March 2025 13:30: Ramadan hours end at 13:00 (regular would be open to 14:00).
        var e = Default.Evaluate(Jakarta(2025, 3, 13, 13, 30));
        Assert.Equal(OpeningState.Closed, e.State);
        Assert.Equal(ScheduleReason.Special, e.Reason);
        Assert.Equal("Ramadan 1446 H", e.Name);
        Assert.Equal(Jakarta(2025, 3, 14, 8, 0), e.NextChange);
        Assert.Equal(Jakarta(2025, 3, 13, 13, 0), e.Since);

        var open = Default.Evaluate(Jakarta(2025, 3, 13, 12, 0));
        Assert.Equal(OpeningState.Open, open.State);
        Assert.Equal(Jakarta(2025, 3, 13, 13, 0), open.ClosesAt);
    }

    [Fact]
    public void Evaluate_HolidayInsideRamadan_HolidayWins()
    {
        // Friday 28 March 2025: cuti bersama Nyepi inside the Ramadan period (which would open 08–11).
        var e = Default.Evaluate(Jakarta(2025, 3, 28, 9, 0));
        Assert.Equal(OpeningState.Closed, e.State);
        Assert.Equal(ScheduleReason.Holiday, e.Reason);
        Assert.Equal("Hari Suci Nyepi Tahun Baru Saka 1947", e.Name);
        Assert.Equal(Jakarta(2025, 3, 28, 0, 0), e.Since);   // Thursday evening was "closed, Ramadan": the reason changed at midnight
    }

    [Fact]
    public void Evaluate_IdulFitri2025_LongClosureAcrossHolidayNames()
    {
        // Friday 28 March 2025 (cuti bersama Nyepi) … Monday 7 April (cuti bersama Idulfitri): reopen Tuesday 8 April.
        var e = Default.Evaluate(Jakarta(2025, 4, 2, 9, 0));
        Assert.Equal(ScheduleReason.Holiday, e.Reason);
        Assert.Equal("Idulfitri 1446 Hijriah", e.Name);
        Assert.Equal(Jakarta(2025, 4, 8, 8, 0), e.OpensAt);
        Assert.Equal(Jakarta(2025, 3, 31, 0, 0), e.Since);        // 30 Mar is a plain Sunday
        Assert.Equal(Jakarta(2025, 4, 5, 0, 0), e.NextChange);    // the weekend 5–6 Apr is regular (closed)
    }

    [Fact]
    public void RegularWeek_IsTheDecree_InIndonesianWording()
    {
        var lines = Phrasebook.Indonesian(Default.Zone).WeekSummary(Default.RegularWeek(new LocalDate(2024, 7, 3)).Select(d => d.ToDayHours()));
        Assert.Equal(["Senin\u2013Kamis 08.00\u201314.00 WIB", "Jumat 08.00\u201311.00 WIB", "Sabtu\u2013Minggu tutup"], lines);

        var before = Phrasebook.Indonesian(Default.Zone).WeekSummary(Default.RegularWeek(new LocalDate(2024, 6, 26)).Select(d => d.ToDayHours()));
        Assert.Equal(["Senin\u2013Kamis 08.00\u201313.00 WIB", "Jumat 08.00\u201311.00 WIB", "Sabtu\u2013Minggu tutup"], before);
    }

    [Fact]
    public void Days_WeekWithHoliday_NamesIt()
    {
        var days = Default.Days(new LocalDate(2024, 6, 17), 3);
        Assert.Equal(ScheduleReason.Holiday, days[0].Reason);
        Assert.Empty(days[0].Spans);
        Assert.Equal("Hari Raya Idul Adha 1445 Hijriah", days[1].Name);
        Assert.Equal(ScheduleReason.Regular, days[2].Reason);
        Assert.Equal([new DailySpan(8 * 60, 13 * 60)], days[2].Spans);
        Assert.Equal(
            ["Senin\u2013Selasa tutup (Hari Raya Idul Adha 1445 Hijriah)", "Rabu 08.00\u201313.00 WIB"],
            Phrasebook.Indonesian().WeekSummary(days.Select(d => d.ToDayHours())));
    }

    [Fact]
    public void UpcomingHolidays_OnlyClosingKinds_InOrder()
    {
        var next = Default.UpcomingHolidays(new LocalDate(2024, 6, 1), 3);
        Assert.Equal([new LocalDate(2024, 6, 1), new LocalDate(2024, 6, 17), new LocalDate(2024, 6, 18)], next.Select(h => h.Date));
    }

    [Fact]
    public void OpenIntervals_DecreeWeek()
    {
        var list = Default.OpenIntervals(Jakarta(2024, 7, 1, 0, 0), Jakarta(2024, 7, 8, 0, 0));
        // Mo–Th 08–14, Fr 08–11; Sunday 7 July (Tahun Baru Islam) is closed anyway.
        Assert.Equal(5, list.Count);
        Assert.Equal(new Interval(Jakarta(2024, 7, 5, 8, 0), Jakarta(2024, 7, 5, 11, 0)), list[4]);
    }

    [Fact]
    public void Json_IsTheAcceptedDocument_AndLoadsAgain()
    {
        var again = ScheduleLoader.Parse(Default.Json);
        Assert.True(again.Success);
        Assert.Contains("\"SK DPMPTSP Kota Probolinggo No. 500.16.7.2/290/425.117/2024\"", Default.Json);
        Assert.DoesNotContain("\n", Default.Json);
    }

    private static string HolidayKindsOf(LocalDate date) => Default.Holidays.Get(date)!.Kind;
}
