using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The one instant format of the wire and the one ISO instant parser of every input: RFC 3339 with the
/// site's full offset, e.g. <c>2024-07-01T08:00:00+07:00</c> (readable by JavaScript's <c>Date</c> and Home Assistant).
/// </summary>
public static class IsoTime
{
    /// <summary>What the parser accepts, for messages.</summary>
    public const string Expected = "an ISO 8601 date-time with offset, e.g. 2024-07-01T15:00:00+07:00";

    /// <summary>The written form: seconds and a <c>+07:00</c> offset, never <c>+07</c> or <c>Z</c>-less fractions.</summary>
    public static OffsetDateTimePattern Pattern { get; } =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    // Read: seconds with optional fraction, or minutes only; the offset as Z, +07 or +07:00.
    private static readonly OffsetDateTimePattern[] ReadPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    /// <summary>Formats <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static string Format(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Pattern.Format(instant.InZone(zone).ToOffsetDateTime());
    }

    /// <summary>Formats a nullable instant (null stays null).</summary>
    public static string? Format(Instant? instant, DateTimeZone zone) => instant is { } i ? Format(i, zone) : null;

    /// <summary>Formats a date-time with the offset it carries.</summary>
    public static string Format(OffsetDateTime value) => Pattern.Format(value);

    /// <summary>A site-local time with the zone's offset (lenient in DST gaps).</summary>
    public static string Format(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Pattern.Format(zone.AtLeniently(local).ToOffsetDateTime());
    }

    /// <summary>Parses a date-time with offset (also <c>Z</c>, fractional seconds, minutes only); null when it is not one.</summary>
    public static Instant? Parse(string? text) => TryParse(text, out var value) ? value.ToInstant() : null;

    /// <summary>Parses a date-time with offset, keeping the offset it was given in.</summary>
    public static bool TryParse(string? text, out OffsetDateTime value) =>
        TryParse(text.AsSpan(), out value);

    /// <summary>
    /// Parses a date-time with offset from characters (a batch reads them straight out of its input buffer). The
    /// usual forms (<c>2024-07-01T08:00[:00[.123]]</c> then <c>Z</c>, <c>+07</c> or <c>+07:00</c>) are read without
    /// allocating; anything else goes through the same NodaTime patterns as before, so both overloads accept
    /// exactly the same texts.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out OffsetDateTime value)
    {
        if (TryReadDateTime(text, out var local, out var rest) && TryReadOffset(rest, out var offset))
        {
            value = new OffsetDateTime(local, offset);
            return true;
        }

        return TryParsePatterns(text.IsEmpty ? null : text.ToString(), out value);
    }

    /// <summary>
    /// Reads the local part of the same shape, <c>2024-07-01T08:00[:00[.123]]</c> with nothing after it, without
    /// allocating; false for any other text (callers with more forms fall back to their own patterns).
    /// </summary>
    public static bool TryParseLocalFast(ReadOnlySpan<char> text, out LocalDateTime value) =>
        TryReadDateTime(text, out value, out var rest) && rest.IsEmpty;

    /// <summary>
    /// Writes <paramref name="local"/> in <paramref name="zone"/> (lenient in DST gaps) as <see cref="Pattern"/>
    /// does, into <paramref name="destination"/> without allocating; returns the number of characters written.
    /// </summary>
    public static int Format(LocalDateTime local, DateTimeZone zone, Span<char> destination)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var value = zone.AtLeniently(local).ToOffsetDateTime();
        var offsetSeconds = value.Offset.Seconds;
        if (value.Year is < 1 or > 9999 || offsetSeconds % 60 != 0 || destination.Length < 25)
        {
            // Outside the fixed-width shape (or a zone's historic second offset): the pattern decides.
            var text = Pattern.Format(value);
            text.AsSpan().CopyTo(destination);
            return text.Length;
        }

        Digits(destination[..4], value.Year);
        destination[4] = '-';
        Digits(destination.Slice(5, 2), value.Month);
        destination[7] = '-';
        Digits(destination.Slice(8, 2), value.Day);
        destination[10] = 'T';
        Digits(destination.Slice(11, 2), value.Hour);
        destination[13] = ':';
        Digits(destination.Slice(14, 2), value.Minute);
        destination[16] = ':';
        Digits(destination.Slice(17, 2), value.Second);
        destination[19] = offsetSeconds < 0 ? '-' : '+';
        var minutes = Math.Abs(offsetSeconds) / 60;
        Digits(destination.Slice(20, 2), minutes / 60);
        destination[22] = ':';
        Digits(destination.Slice(23, 2), minutes % 60);
        return 25;
    }

    private static void Digits(Span<char> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    // uuuu-MM-ddTHH:mm, then :ss and .fraction (1-9 digits) when present; rest is what follows. False (and the
    // caller falls back to the patterns) for any other shape or any out-of-range field.
    private static bool TryReadDateTime(ReadOnlySpan<char> t, out LocalDateTime value, out ReadOnlySpan<char> rest)
    {
        value = default;
        rest = default;
        if (t.Length < 16 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':'
            || !Number(t[..4], out var year) || !Number(t.Slice(5, 2), out var month) || !Number(t.Slice(8, 2), out var day)
            || !Number(t.Slice(11, 2), out var hour) || !Number(t.Slice(14, 2), out var minute))
        {
            return false;
        }

        int second = 0, nanos = 0, pos = 16;
        if (pos < t.Length && t[pos] == ':')
        {
            if (t.Length < pos + 3 || !Number(t.Slice(pos + 1, 2), out second))
            {
                return false;
            }

            pos += 3;
            if (pos < t.Length && t[pos] == '.')
            {
                var digits = 0;
                pos++;
                while (pos < t.Length && char.IsAsciiDigit(t[pos]) && digits < 9)
                {
                    nanos = nanos * 10 + (t[pos] - '0');
                    digits++;
                    pos++;
                }

                if (digits == 0 || pos < t.Length && char.IsAsciiDigit(t[pos]))
                {
                    return false;
                }

                for (var i = digits; i < 9; i++)
                {
                    nanos *= 10;
                }
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new LocalDateTime(year, month, day, hour, minute, second).PlusNanoseconds(nanos);
        rest = t[pos..];
        return true;
    }

    // Z, +HH or +HH:mm (offsets up to ±17:59; the rest is left to the patterns).
    private static bool TryReadOffset(ReadOnlySpan<char> t, out Offset offset)
    {
        offset = Offset.Zero;
        if (t is ['Z'])
        {
            return true;
        }

        if (t.Length is not (3 or 6) || t[0] is not ('+' or '-') || !Number(t.Slice(1, 2), out var hours)
            || hours > 17)
        {
            return false;
        }

        var minutes = 0;
        if (t.Length == 6 && (t[3] != ':' || !Number(t.Slice(4, 2), out minutes) || minutes > 59))
        {
            return false;
        }

        var sign = t[0] == '-' ? -1 : 1;
        offset = Offset.FromHoursAndMinutes(sign * hours, sign * minutes);
        return true;
    }

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }

    private static bool TryParsePatterns(string? text, out OffsetDateTime value)
    {
        var parsed = string.IsNullOrEmpty(text) ? null : ReadPatterns.Select(p => p.Parse(text)).FirstOrDefault(r => r.Success);
        value = parsed?.Value ?? default;
        return parsed is not null;
    }
}
