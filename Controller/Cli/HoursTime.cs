using MppSignage.Shared.Schedule;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Controller.Cli;

/// <summary>
/// Reads the <c>--at</c> / <c>"at"</c> timestamps of the hours verbs and writes instants back as
/// ISO 8601 with the zone's offset (<c>2024-07-01T08:00:00+07:00</c>).
/// </summary>
internal static class HoursTime
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string Expected = "an ISO 8601 time such as 2024-07-01T08:00:00+07:00, 2024-07-01T01:00Z or local 2024-07-01T08:00";

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mmo<G>"),
    ];

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
    public static bool TryParseLocal(string? text, DateTimeZone zone, out LocalDateTime local)
    {
        local = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (HasOffset(text))
        {
            foreach (var p in OffsetPatterns)
            {
                var r = p.Parse(text);
                if (r.Success)
                {
                    local = r.Value.ToInstant().InZone(zone).LocalDateTime;
                    return true;
                }
            }

            return false;
        }

        foreach (var p in LocalPatterns)
        {
            var r = p.Parse(text);
            if (r.Success)
            {
                local = r.Value;
                return true;
            }
        }

        return false;
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

    /// <summary><c>2024-07-01T08:00:00+07:00</c>.</summary>
    public static string Format(Instant instant, DateTimeZone zone) => ScheduleFormat.Iso(instant, zone);

    /// <summary>A local time of <paramref name="zone"/> as <c>2024-07-01T08:00:00+07:00</c>.</summary>
    public static string Format(LocalDateTime local, DateTimeZone zone) => ScheduleFormat.Iso(local, zone);

    private static bool HasOffset(string text)
    {
        // An offset is a Z, or a + or - after the time part (the date's own dashes come before 'T'/' ').
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        var timeStart = text.IndexOfAny(['T', 't', ' ']);
        return timeStart > 0 && text.IndexOfAny(['+', '-'], timeStart) > 0;
    }
}
