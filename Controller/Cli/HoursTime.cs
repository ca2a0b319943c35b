using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Controller.Cli;

/// <summary>
/// Reads the <c>--at</c> / <c>"at"</c> timestamps of the hours verbs: an instant with offset through the
/// wire's <see cref="IsoTime"/>, or a site-local time (instants are written back by <see cref="IsoTime.Format(Instant, DateTimeZone)"/>).
/// </summary>
internal static class HoursTime
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string Expected = "an ISO 8601 time such as 2024-07-01T08:00:00+07:00, 2024-07-01T01:00Z or local 2024-07-01T08:00";

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    ];

    /// <summary>
    /// Parses <paramref name="text"/> into a local time in <paramref name="zone"/>: a time with an
    /// offset (or Z) is an instant shown in the zone; a time without one is already local there.
    /// </summary>
    public static bool TryParseLocal(string? text, DateTimeZone zone, out LocalDateTime local) =>
        TryParseLocal(text.AsSpan(), zone, out local);

    /// <summary>
    /// The same from characters (the <c>--jsonl</c> batch reads them out of its line buffer): the usual forms are
    /// read by <see cref="IsoTime"/>'s span parser without allocating; the others by the patterns.
    /// </summary>
    public static bool TryParseLocal(ReadOnlySpan<char> input, DateTimeZone zone, out LocalDateTime local)
    {
        local = default;
        scoped var text = input.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        // The CLI also takes a space for the 'T' (as people type it).
        Span<char> withT = stackalloc char[48];
        if (text.Length > 10 && text[10] == ' ' && text.Length <= withT.Length)
        {
            text.CopyTo(withT);
            withT[10] = 'T';
            text = withT[..text.Length];
        }

        if (HasOffset(text))
        {
            // The wire's one parser.
            if (!IsoTime.TryParse(text, out var value))
            {
                return false;
            }

            local = value.ToInstant().InZone(zone).LocalDateTime;
            return true;
        }

        if (IsoTime.TryParseLocalFast(text, out local))
        {
            return true;
        }

        var textString = text.ToString();
        var parsed = LocalPatterns.Select(p => p.Parse(textString)).FirstOrDefault(r => r.Success);
        local = parsed?.Value ?? default;
        return parsed is not null;
    }

    /// <summary>Parses <paramref name="text"/> into an instant; a local time is taken in <paramref name="zone"/> (leniently).</summary>
    public static bool TryParseInstant(string? text, DateTimeZone zone, out Instant instant)
    {
        instant = default;
        if (!TryParseLocal(text, zone, out var local))
        {
            return false;
        }

        instant = zone.AtLeniently(local).ToInstant();
        return true;
    }

    private static bool HasOffset(ReadOnlySpan<char> text)
    {
        // An offset is a Z, or a + or - after the time part (the date's own dashes come before 'T'/' ').
        if (text[^1] is 'Z' or 'z')
        {
            return true;
        }

        var timeStart = text.IndexOfAny('T', 't', ' ');
        return timeStart > 0 && text[timeStart..].IndexOfAny('+', '-') > 0;
    }
}
