using System.Text;
using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Wording;

/// <summary>
/// Writes times, dates and opening hours for people, in Indonesian or English, for one site time
/// zone: <c>Senin–Kamis 08.00–14.00 WIB</c>, <c>Buka kembali Senin, 1 Juli 2024 pukul 08.00 WIB</c>,
/// <c>Tutup pukul 14.00 · 25 menit lagi</c>. With <see cref="AsciiOnly"/> every output is plain ASCII
/// (<c>-</c> for the en dash, <c>|</c> for the middle dot) for character LCDs.
/// </summary>
/// <remarks>Uses its own word tables, never <c>CultureInfo("id-ID")</c> (ICU may be absent). Thread-safe.</remarks>
public sealed class Phrasebook
{
    /// <summary>The site zone used when none is given.</summary>
    public const string DefaultZoneId = "Asia/Jakarta";

    private readonly WordTables _words;

    private Phrasebook(Language language, DateTimeZone zone, bool asciiOnly)
    {
        Language = language;
        Zone = zone;
        AsciiOnly = asciiOnly;
        _words = language == Language.English ? WordTables.English : WordTables.Indonesian;
        RangeDash = asciiOnly ? "-" : "\u2013";
        Separator = asciiOnly ? " | " : " \u00B7 ";
    }

    /// <summary>The phrasebook of <paramref name="language"/> for <paramref name="zone"/>.</summary>
    public static Phrasebook For(Language language, DateTimeZone zone, bool asciiOnly = false)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown language.");
        }

        return new Phrasebook(language, zone, asciiOnly);
    }

    /// <summary>Indonesian, in <paramref name="zone"/> (default Asia/Jakarta).</summary>
    public static Phrasebook Indonesian(DateTimeZone? zone = null, bool asciiOnly = false) =>
        For(Language.Indonesian, zone ?? DateTimeZoneProviders.Tzdb[DefaultZoneId], asciiOnly);

    /// <summary>English, in <paramref name="zone"/> (default Asia/Jakarta).</summary>
    public static Phrasebook English(DateTimeZone? zone = null, bool asciiOnly = false) =>
        For(Language.English, zone ?? DateTimeZoneProviders.Tzdb[DefaultZoneId], asciiOnly);

    /// <summary>The language written.</summary>
    public Language Language { get; }

    /// <summary>The zone in which instants are shown.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Whether every output is restricted to ASCII (16x2 LCD).</summary>
    public bool AsciiOnly { get; }

    /// <summary>The dash between the two ends of a range: <c>–</c>, or <c>-</c> in ASCII.</summary>
    public string RangeDash { get; }

    /// <summary>The separator between two parts of a line: <c> · </c>, or <c> | </c> in ASCII.</summary>
    public string Separator { get; }

    /// <summary><c>tutup</c> / <c>closed</c> (as in <c>Sabtu–Minggu tutup</c>).</summary>
    public string ClosedWord => _words.Closed;

    /// <summary><c>buka</c> / <c>open</c>.</summary>
    public string OpenWord => _words.Open;

    /// <summary>The name of a day: <c>Senin</c> / <c>Monday</c>.</summary>
    public string DayName(IsoDayOfWeek day) => _words.Days[DayIndex(day)];

    /// <summary>The three-letter name of a day: <c>Sen</c> / <c>Mon</c>.</summary>
    public string ShortDayName(IsoDayOfWeek day) => _words.ShortDays[DayIndex(day)];

    /// <summary>The name of a month (1 = January): <c>Juli</c> / <c>July</c>.</summary>
    public string MonthName(int month) => _words.Months[MonthIndex(month)];

    /// <summary>The short name of a month (1 = January): <c>Agu</c> / <c>Aug</c>.</summary>
    public string ShortMonthName(int month) => _words.ShortMonths[MonthIndex(month)];

    /// <summary>A time of day: <c>08.00</c> (Indonesian) or <c>08:00</c> (English).</summary>
    public string Time(LocalTime time) => Time(time.Hour * 60 + time.Minute);

    /// <summary>A minute of the day (0…1440, where 1440 is written <c>24.00</c>).</summary>
    public string Time(int minuteOfDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minuteOfDay);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minuteOfDay, DailySpan.MinutesPerDay);
        Span<char> buffer = stackalloc char[5];
        var h = minuteOfDay / 60;
        var m = minuteOfDay % 60;
        buffer[0] = (char)('0' + h / 10);
        buffer[1] = (char)('0' + h % 10);
        buffer[2] = _words.TimeSeparator;
        buffer[3] = (char)('0' + m / 10);
        buffer[4] = (char)('0' + m % 10);
        return new string(buffer);
    }

    /// <summary>A span of a day: <c>08.00–14.00</c>.</summary>
    public string Span(DailySpan span) => Time(span.StartMinute) + RangeDash + Time(span.EndMinute);

    /// <summary>
    /// The abbreviation of the zone at <paramref name="at"/>: <c>WIB</c>, <c>WITA</c> or <c>WIT</c> for
    /// the Indonesian zones, otherwise the tzdb abbreviation (<c>CET</c>), or <c>UTC+07</c> where the
    /// tzdb has only a number.
    /// </summary>
    public string ZoneAbbreviation(Instant at) => ZoneAbbreviationOf(Zone, at);

    /// <summary>The zone abbreviation in force at noon of <paramref name="date"/>.</summary>
    public string ZoneAbbreviation(LocalDate date) => ZoneAbbreviation(Noon(date));

    /// <summary>See <see cref="ZoneAbbreviation(Instant)"/>; usable without a phrasebook.</summary>
    public static string ZoneAbbreviationOf(DateTimeZone zone, Instant at)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offsetSeconds = zone.GetUtcOffset(at).Seconds;
        if (IndonesianZoneIds.Contains(zone.Id))
        {
            // Fixed since 1988 (Keppres 41/1987); older instants fall through to the tzdb name.
            switch (offsetSeconds)
            {
                case 7 * 3600: return "WIB";
                case 8 * 3600: return "WITA";
                case 9 * 3600: return "WIT";
            }
        }

        var name = zone.GetZoneInterval(at).Name;
        if (name.Length == 0 || name[0] is '+' or '-')
        {
            var offset = TimeSpan.FromSeconds(offsetSeconds);
            var sign = offset < TimeSpan.Zero ? '-' : '+';
            offset = offset.Duration();
            return offset.Minutes == 0
                ? $"UTC{sign}{offset.Hours:00}"
                : $"UTC{sign}{offset.Hours:00}:{offset.Minutes:00}";
        }

        return name;
    }

    /// <summary>A date: <c>Senin, 1 Juli 2024</c> / <c>Monday, 1 July 2024</c>.</summary>
    public string Date(LocalDate date) =>
        $"{DayName(date.DayOfWeek)}, {date.Day} {MonthName(date.Month)} {date.Year}";

    /// <summary>A date without year and weekday: <c>1 Juli</c> / <c>1 July</c>.</summary>
    public string DayAndMonth(LocalDate date) => $"{date.Day} {MonthName(date.Month)}";

    /// <summary>A short date for narrow displays: <c>Sen 1 Jul</c> / <c>Mon 1 Jul</c>.</summary>
    public string ShortDate(LocalDate date) =>
        $"{ShortDayName(date.DayOfWeek)} {date.Day} {ShortMonthName(date.Month)}";

    /// <summary>The footer date-time: <c>Senin, 1 Juli 2024 · 08.15 WIB</c>.</summary>
    public string DateTime(Instant at)
    {
        var local = at.InZone(Zone).LocalDateTime;
        return Date(local.Date) + Separator + Time(local.TimeOfDay) + " " + ZoneAbbreviation(at);
    }

    /// <summary>A time with its zone: <c>08.00 WIB</c>.</summary>
    public string TimeWithZone(Instant at) => Time(at.InZone(Zone).TimeOfDay) + " " + ZoneAbbreviation(at);

    /// <summary>
    /// The hours of one day: <c>08.00–14.00 WIB</c>, <c>08.00–12.00, 13.00–16.00 WIB</c>, or <c>tutup</c>.
    /// </summary>
    public string HoursText(IReadOnlyList<DailySpan> spans, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count == 0)
        {
            return _words.Closed;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < spans.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(Span(spans[i]));
        }

        sb.Append(' ').Append(ZoneAbbreviation(date));
        return sb.ToString();
    }

    /// <summary>One dated day: <c>Senin, 17 Juni 2024: tutup (Hari Raya Idul Adha 1445 Hijriah)</c>.</summary>
    public string DayLine(DayHours day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return Date(day.Date) + ": " + HoursText(day.Spans, day.Date) + NoteSuffix(day.Note);
    }

    /// <summary>
    /// A weekly summary: consecutive days with identical hours (and note) share one line, named by
    /// their first and last day: <c>Senin–Kamis 08.00–14.00 WIB</c>, <c>Jumat 08.00–11.00 WIB</c>,
    /// <c>Sabtu–Minggu tutup</c>. A day with a note (a holiday) gets its own line with the note in
    /// brackets. Days are taken in the order given; a gap in dates starts a new line.
    /// </summary>
    public IReadOnlyList<string> WeekSummary(IEnumerable<DayHours> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var list = days.ToList();
        var lines = new List<string>();
        var i = 0;
        while (i < list.Count)
        {
            var j = i;
            while (j + 1 < list.Count
                   && list[j + 1].Date == list[j].Date.PlusDays(1)
                   && list[j + 1].SameHoursAs(list[i]))
            {
                j++;
            }

            var label = j == i
                ? DayName(list[i].Day)
                : DayName(list[i].Day) + RangeDash + DayName(list[j].Day);
            lines.Add(label + " " + HoursText(list[i].Spans, list[i].Date) + NoteSuffix(list[i].Note));
            i = j + 1;
        }

        return lines;
    }

    /// <summary>
    /// When the hall opens again: <c>Buka kembali Senin, 1 Juli 2024 pukul 08.00 WIB</c> /
    /// <c>Open again Monday, 1 July 2024 at 08:00 WIB</c>. With <paramref name="now"/>, an opening
    /// later today or tomorrow is said so: <c>Buka kembali hari ini pukul 13.00 WIB</c>,
    /// <c>Buka kembali besok pukul 08.00 WIB</c>.
    /// </summary>
    public string OpensAgain(Instant opensAt, Instant? now = null)
    {
        var local = opensAt.InZone(Zone).LocalDateTime;
        var when = Date(local.Date);
        if (now is { } n)
        {
            var today = n.InZone(Zone).Date;
            if (local.Date == today)
            {
                when = _words.Today;
            }
            else if (local.Date == today.PlusDays(1))
            {
                when = _words.Tomorrow;
            }
        }

        return $"{_words.OpensAgain} {when} {_words.At} {TimeWithZone(opensAt)}";
    }

    /// <summary>Closing countdown: <c>Tutup pukul 14.00 · 25 menit lagi</c> / <c>Closes at 14:00 · in 25 minutes</c>.</summary>
    public string ClosesCountdown(Instant now, Instant closesAt) =>
        $"{_words.ClosesAt} {Time(closesAt.InZone(Zone).TimeOfDay)}{Separator}{TimeLeft(closesAt - now)}";

    /// <summary>Opening countdown: <c>Buka pukul 08.00 · 25 menit lagi</c> / <c>Opens at 08:00 · in 25 minutes</c>.</summary>
    public string OpensCountdown(Instant now, Instant opensAt) =>
        $"{_words.OpensAt} {Time(opensAt.InZone(Zone).TimeOfDay)}{Separator}{TimeLeft(opensAt - now)}";

    /// <summary>Time left: <c>25 menit lagi</c> / <c>in 25 minutes</c>; <c>sekarang</c> / <c>now</c> when none.</summary>
    public string TimeLeft(Duration left)
    {
        var text = DurationText(left);
        return left <= Duration.Zero ? text : _words.LeftPrefix + text + _words.LeftSuffix;
    }

    /// <summary>
    /// A duration in words, rounded up to the minute (so a countdown never shows 0 while time is
    /// left): <c>25 menit</c>, <c>1 jam 5 menit</c>, <c>2 hari 3 jam</c> / <c>1 hour 5 minutes</c>.
    /// </summary>
    public string DurationText(Duration duration)
    {
        var (d, h, m) = Split(duration);
        if (d == 0 && h == 0 && m == 0)
        {
            return _words.Now;
        }

        var parts = new List<string>(2);
        if (d > 0)
        {
            parts.Add($"{d} {(d == 1 ? _words.Day : _words.DaysWord)}");
            if (h > 0)
            {
                parts.Add($"{h} {(h == 1 ? _words.Hour : _words.Hours)}");
            }
        }
        else
        {
            if (h > 0)
            {
                parts.Add($"{h} {(h == 1 ? _words.Hour : _words.Hours)}");
            }

            if (m > 0)
            {
                parts.Add($"{m} {(m == 1 ? _words.Minute : _words.Minutes)}");
            }
        }

        return string.Join(" ", parts);
    }

    /// <summary>A compact duration for narrow displays: <c>25 mnt</c>, <c>1j 5mnt</c> / <c>25 min</c>, <c>1h 5min</c>.</summary>
    public string ShortDuration(Duration duration)
    {
        var (d, h, m) = Split(duration);
        if (d > 0)
        {
            return h > 0 ? $"{d}{_words.ShortDay} {h}{_words.ShortHour}" : $"{d}{_words.ShortDay}";
        }

        if (h > 0)
        {
            return m > 0 ? $"{h}{_words.ShortHour} {m}{_words.ShortMinute}" : $"{h}{_words.ShortHour}";
        }

        return $"{m} {_words.ShortMinute}";
    }

    /// <summary>The state as a word: <c>Buka</c>/<c>Tutup</c>/<c>Belum pasti</c> / <c>Open</c>/<c>Closed</c>/<c>Not certain</c>.</summary>
    public string StateWord(OpeningState state) => state switch
    {
        OpeningState.Open => _words.StateOpen,
        OpeningState.Closed => _words.StateClosed,
        _ => _words.StateUnknown,
    };

    /// <summary>
    /// <paramref name="text"/> made safe for this phrasebook: unchanged unless <see cref="AsciiOnly"/>,
    /// in which case dashes, dots, quotes and accented letters are replaced by ASCII and anything
    /// else by <c>?</c>.
    /// </summary>
    public string Safe(string text) => AsciiOnly ? ToAscii(text) : text;

    /// <summary>Replaces every non-ASCII character: dashes by <c>-</c>, <c>·</c> by <c>|</c>, quotes by <c>'</c>/<c>"</c>, accented letters by their base letter, anything else by <c>?</c>.</summary>
    public static string ToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 128)
            {
                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212':
                    sb.Append('-');
                    continue;
                case '\u00B7' or '\u2022':
                    sb.Append('|');
                    continue;
                case '\u2018' or '\u2019' or '\u02BC':
                    sb.Append('\'');
                    continue;
                case '\u201C' or '\u201D':
                    sb.Append('"');
                    continue;
                case '\u00A0' or '\u202F':
                    sb.Append(' ');
                    continue;
                case '\u2026':
                    sb.Append("...");
                    continue;
            }

            // Accented Latin letters: keep the base letter (é → e).
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            sb.Append(decomposed.Length > 0 && decomposed[0] < 128 ? decomposed[0] : '?');
        }

        return sb.ToString();
    }

    private static readonly HashSet<string> IndonesianZoneIds = new(StringComparer.Ordinal)
    {
        "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Ujung_Pandang", "Asia/Jayapura",
    };

    private string NoteSuffix(string? note) => string.IsNullOrEmpty(note) ? string.Empty : " (" + Safe(note) + ")";

    private Instant Noon(LocalDate date) => date.At(new LocalTime(12, 0)).InZoneLeniently(Zone).ToInstant();

    private static (long Days, long Hours, long Minutes) Split(Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            return (0, 0, 0);
        }

        // Round up to the whole minute (integer arithmetic: no floating-point off-by-one at :00).
        const long nanosPerMinute = 60_000_000_000L;
        var totalMinutes = duration >= Duration.FromDays(36_500)
            ? (long)Math.Ceiling(duration.TotalMinutes)
            : (duration.ToInt64Nanoseconds() + nanosPerMinute - 1) / nanosPerMinute;
        return (totalMinutes / 1440, totalMinutes % 1440 / 60, totalMinutes % 60);
    }

    private static int DayIndex(IsoDayOfWeek day)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Expected Monday…Sunday.");
        }

        return (int)day - 1;
    }

    private static int MonthIndex(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return month - 1;
    }
}
