using System.Globalization;
using System.Text;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The two 16-character lines of the entrance LCD for a <see cref="DoorState"/>, in Indonesian and
/// ASCII only (an HD44780's ROM has no accented letters): line 1 <c>BUKA s/d 14.00</c> or <c>TUTUP</c>,
/// line 2 the next opening, the holiday name, or what is wrong.
/// </summary>
public static class LcdText
{
    /// <summary>Characters per line of a 16×2 module.</summary>
    public const int Width = 16;

    private static readonly string[] DayAbbreviations = ["", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];

    /// <summary>The two lines, each exactly <see cref="Width"/> characters (padded).</summary>
    public static (string Line1, string Line2) For(DoorState state, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(zone);
        var now = state.EvaluatedAt.InZone(zone);

        string line1 = state.Open
            ? state.ClosesAt is { } closes ? $"BUKA s/d {Time(closes, zone)}" : "BUKA"
            : "TUTUP";

        string line2 = state.Reason switch
        {
            DoorReason.ClockUnsynchronised => "Jam blm sinkron",
            DoorReason.ScheduleUnavailable => "Jadwal tdk ada",
            _ when state.Phase == DoorPhase.ClosingSoon => "Segera tutup",
            DoorReason.Override when state.Open => "Dibuka petugas",
            _ when !state.Open && state.Name is { Length: > 0 } name && state.Reason is DoorReason.Holiday or DoorReason.Closure => name,
            _ when !state.Open && state.OpensAt is { } opens => $"Buka {When(opens, now, zone)}",
            _ when state.Name is { Length: > 0 } name => name,
            _ => "",
        };

        return (Fit(line1), Fit(line2));
    }

    /// <summary>Folds to printable ASCII (drops diacritics and anything else) and pads or cuts to <see cref="Width"/>.</summary>
    public static string Fit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(Width);
        foreach (var c in decomposed)
        {
            if (sb.Length == Width)
            {
                break;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(c is >= ' ' and <= '~' ? c : c is '–' or '—' ? '-' : ' ');
        }

        return sb.ToString().PadRight(Width);
    }

    private static string Time(Instant instant, DateTimeZone zone)
    {
        var t = instant.InZone(zone);
        return $"{t.Hour:00}.{t.Minute:00}";
    }

    private static string When(Instant opens, ZonedDateTime now, DateTimeZone zone)
    {
        var local = opens.InZone(zone);
        var days = Period.Between(now.Date, local.Date, PeriodUnits.Days).Days;
        return days switch
        {
            0 => Time(opens, zone),
            > 0 and < 7 => $"{DayAbbreviations[(int)local.DayOfWeek]} {Time(opens, zone)}",
            _ => $"{local.Day:00}/{local.Month:00} {Time(opens, zone)}",
        };
    }
}
