using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Wording;
using MppSignage.TestSupport;
using NodaTime;

namespace MppSignage.Shared.Tests.Wording;

public sealed class PhrasebookTests
{
    private static readonly DateTimeZone Jakarta = Time.Jakarta;
    private static readonly Phrasebook Id = Phrasebook.Indonesian();
    private static readonly Phrasebook En = Phrasebook.English();

    private static Instant At(int y, int mo, int d, int h, int mi, DateTimeZone? zone = null) =>
        new LocalDateTime(y, mo, d, h, mi).InZoneStrictly(zone ?? Jakarta).ToInstant();

    private static DailySpan S(int h1, int m1, int h2, int m2) => new(h1 * 60 + m1, h2 * 60 + m2);

    /// <summary>The decree week of 1 July 2024 (Monday) … 7 July 2024 (Sunday).</summary>
    private static List<DayHours> DecreeWeek()
    {
        var monday = new LocalDate(2024, 7, 1);
        var days = new List<DayHours>();
        for (var i = 0; i < 7; i++)
        {
            var date = monday.PlusDays(i);
            IReadOnlyList<DailySpan> spans = date.DayOfWeek switch
            {
                <= IsoDayOfWeek.Thursday => [S(8, 0, 14, 0)],
                IsoDayOfWeek.Friday => [S(8, 0, 11, 0)],
                _ => [],
            };
            days.Add(new DayHours(date, spans));
        }

        return days;
    }

    [Fact]
    public void WeekSummary_DecreeWeek_GroupsConsecutiveDaysInIndonesian()
    {
        Assert.Equal(
            ["Senin\u2013Kamis 08.00\u201314.00 WIB", "Jumat 08.00\u201311.00 WIB", "Sabtu\u2013Minggu tutup"],
            Id.WeekSummary(DecreeWeek()));
    }

    [Fact]
    public void WeekSummary_DecreeWeek_English()
    {
        Assert.Equal(
            ["Monday\u2013Thursday 08:00\u201314:00 WIB", "Friday 08:00\u201311:00 WIB", "Saturday\u2013Sunday closed"],
            En.WeekSummary(DecreeWeek()));
    }

    [Fact]
    public void WeekSummary_Ascii_HasNoNonAsciiCharacters()
    {
        var lines = Phrasebook.Indonesian(asciiOnly: true).WeekSummary(DecreeWeek());
        Assert.Equal(["Senin-Kamis 08.00-14.00 WIB", "Jumat 08.00-11.00 WIB", "Sabtu-Minggu tutup"], lines);
        Assert.All(lines, l => Assert.True(l.All(c => c < 128), l));
    }

    [Fact]
    public void WeekSummary_HolidayInTheMiddle_SplitsTheGroupAndShowsTheName()
    {
        var week = DecreeWeek();
        week[2] = week[2] with { Spans = [], Note = "Tahun Baru Islam" };
        Assert.Equal(
            [
                "Senin\u2013Selasa 08.00\u201314.00 WIB",
                "Rabu tutup (Tahun Baru Islam)",
                "Kamis 08.00\u201314.00 WIB",
                "Jumat 08.00\u201311.00 WIB",
                "Sabtu\u2013Minggu tutup",
            ],
            Id.WeekSummary(week));
    }

    [Fact]
    public void WeekSummary_SameHoursButNotConsecutive_AreSeparateLines()
    {
        var mo = new DayHours(new LocalDate(2024, 7, 1), [S(8, 0, 12, 0), S(13, 0, 16, 0)]);
        var we = new DayHours(new LocalDate(2024, 7, 3), [S(8, 0, 12, 0), S(13, 0, 16, 0)]);
        Assert.Equal(
            ["Senin 08.00\u201312.00, 13.00\u201316.00 WIB", "Rabu 08.00\u201312.00, 13.00\u201316.00 WIB"],
            Id.WeekSummary([mo, we]));
    }

    [Theory]
    [InlineData(0, "00.00")]        // midnight
    [InlineData(495, "08.15")]      // quarter past eight
    [InlineData(1440, "24.00")]     // end of day is written 24.00, not 00.00
    public void Time_Indonesian_UsesDot(int minute, string expected) => Assert.Equal(expected, Id.Time(minute));

    [Fact]
    public void Time_English_UsesColon() => Assert.Equal("08:15", En.Time(new LocalTime(8, 15)));

    [Fact]
    public void OpensAgain_IndonesianAndEnglish()
    {
        var opens = At(2024, 7, 1, 8, 0);
        Assert.Equal("Buka kembali Senin, 1 Juli 2024 pukul 08.00 WIB", Id.OpensAgain(opens));
        Assert.Equal("Open again Monday, 1 July 2024 at 08:00 WIB", En.OpensAgain(opens));
    }

    [Fact]
    public void OpensAgain_WithNow_SaysTodayOrTomorrow()
    {
        var opens = At(2024, 7, 1, 8, 0);
        Assert.Equal("Buka kembali besok pukul 08.00 WIB", Id.OpensAgain(opens, At(2024, 6, 30, 20, 0)));
        Assert.Equal("Open again today at 08:00 WIB", En.OpensAgain(opens, At(2024, 7, 1, 6, 0)));
        Assert.Equal("Buka kembali Senin, 1 Juli 2024 pukul 08.00 WIB", Id.OpensAgain(opens, At(2024, 6, 28, 11, 0)));
    }

    [Fact]
    public void DateTime_Footer()
    {
        var at = At(2024, 7, 1, 8, 15);
        Assert.Equal("Senin, 1 Juli 2024 \u00B7 08.15 WIB", Id.DateTime(at));
        Assert.Equal("Monday, 1 July 2024 \u00B7 08:15 WIB", En.DateTime(at));
        Assert.Equal("Senin, 1 Juli 2024 | 08.15 WIB", Phrasebook.Indonesian(asciiOnly: true).DateTime(at));
    }

    [Fact]
    public void ClosesCountdown_TwentyFiveMinutesLeft()
    {
        var now = At(2024, 7, 4, 13, 35);
        var closes = At(2024, 7, 4, 14, 0);
        Assert.Equal("Tutup pukul 14.00 \u00B7 25 menit lagi", Id.ClosesCountdown(now, closes));
        Assert.Equal("Closes at 14:00 \u00B7 in 25 minutes", En.ClosesCountdown(now, closes));
        Assert.Equal("Tutup pukul 14.00 | 25 menit lagi", Phrasebook.Indonesian(asciiOnly: true).ClosesCountdown(now, closes));
    }

    [Fact]
    public void OpensCountdown_English()
    {
        Assert.Equal("Opens at 08:00 \u00B7 in 1 minute", En.OpensCountdown(At(2024, 7, 4, 7, 59), At(2024, 7, 4, 8, 0)));
    }

    [Theory]
    [InlineData(0, "sekarang", "now")]                              // nothing left
    [InlineData(1, "1 menit", "1 minute")]                          // one second rounds up to a minute
    [InlineData(25 * 60, "25 menit", "25 minutes")]                 // exactly 25 minutes stays 25
    [InlineData(25 * 60 + 1, "26 menit", "26 minutes")]             // a second more rounds up
    [InlineData(3600, "1 jam", "1 hour")]                           // whole hour: no "0 menit"
    [InlineData(3900, "1 jam 5 menit", "1 hour 5 minutes")]         // hour and minutes
    [InlineData(2 * 86400 + 3 * 3600 + 60, "2 hari 3 jam", "2 days 3 hours")] // days drop the minutes
    public void DurationText_RoundsUpToTheMinute(int seconds, string id, string en)
    {
        Assert.Equal(id, Id.DurationText(Duration.FromSeconds(seconds)));
        Assert.Equal(en, En.DurationText(Duration.FromSeconds(seconds)));
    }

    [Fact]
    public void ShortDuration_Compact()
    {
        Assert.Equal("25 mnt", Id.ShortDuration(Duration.FromMinutes(25)));
        Assert.Equal("1j 5mnt", Id.ShortDuration(Duration.FromMinutes(65)));
        Assert.Equal("1h 5min", En.ShortDuration(Duration.FromMinutes(65)));
    }

    [Theory]
    [InlineData("Asia/Jakarta", "WIB")]
    [InlineData("Asia/Pontianak", "WIB")]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    [InlineData("Europe/Berlin", "CEST")]     // tzdb abbreviation (summer)
    [InlineData("Asia/Dubai", "UTC+04")]      // tzdb has only "+04"
    public void ZoneAbbreviation_FromTheZone(string zoneId, string expected)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var phrasebook = Phrasebook.Indonesian(zone);
        Assert.Equal(expected, phrasebook.ZoneAbbreviation(new LocalDate(2024, 7, 1)));
    }

    [Fact]
    public void Date_AllDaysAndMonths_Indonesian()
    {
        var names = Enumerable.Range(0, 7).Select(i => Id.DayName(new LocalDate(2024, 7, 1).PlusDays(i).DayOfWeek));
        Assert.Equal(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"], names);
        var months = Enumerable.Range(1, 12).Select(Id.MonthName);
        Assert.Equal(["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"], months);
        Assert.Equal("Sabtu, 17 Agustus 2024", Id.Date(new LocalDate(2024, 8, 17)));
        Assert.Equal("Sab 17 Agu", Id.ShortDate(new LocalDate(2024, 8, 17)));
    }

    [Fact]
    public void DayLine_Holiday()
    {
        var day = new DayHours(new LocalDate(2024, 6, 17), [], "Hari Raya Idul Adha 1445 Hijriah");
        Assert.Equal("Senin, 17 Juni 2024: tutup (Hari Raya Idul Adha 1445 Hijriah)", Id.DayLine(day));
    }

    [Fact]
    public void StateWord_AllStates()
    {
        Assert.Equal("Buka", Id.StateWord(OpeningState.Open));
        Assert.Equal("Tutup", Id.StateWord(OpeningState.Closed));
        Assert.Equal("Closed", En.StateWord(OpeningState.Closed));
    }

    [Fact]
    public void ToAscii_ReplacesTypography()
    {
        Assert.Equal("Jum'at - Sabtu | cafe...", Phrasebook.ToAscii("Jum\u2019at \u2013 Sabtu \u00B7 caf\u00E9\u2026"));
    }

    [Fact]
    public void DailySpan_FromTimes_MidnightEndIs24()
    {
        Assert.Equal(new DailySpan(22 * 60, 1440), DailySpan.FromTimes(new LocalTime(22, 0), LocalTime.Midnight));
    }
}
