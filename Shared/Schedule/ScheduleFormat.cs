using MppSignage.Shared.Mqtt;
using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Wire;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>
/// The machine formats of schedule answers, shared by the CLI, the status topic and the renderer so
/// that they agree: instants as <c>2024-07-01T08:00:00+07:00</c>, day spans as <c>08:00-14:00</c>,
/// states and reasons as lower-case words.
/// </summary>
public static class ScheduleFormat
{
    /// <summary>ISO 8601 with the zone's offset: <c>2024-07-01T08:00:00+07:00</c> (the wire's <see cref="IsoTime"/>).</summary>
    public static string Iso(Instant instant, DateTimeZone zone) => IsoTime.Format(instant, zone);

    /// <summary>A site-local time as ISO 8601 with the zone's offset (lenient in DST gaps).</summary>
    public static string Iso(LocalDateTime local, DateTimeZone zone) => IsoTime.Format(local, zone);

    /// <summary>
    /// An interval within one site-local day as <c>08:00-14:00</c>; an end at the next midnight is
    /// written <c>24:00</c>.
    /// </summary>
    public static string DaySpan(Interval interval, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var s = interval.Start.InZone(zone).LocalDateTime;
        var e = interval.End.InZone(zone).LocalDateTime;
        var end = e.Date > s.Date && e.TimeOfDay == LocalTime.Midnight ? "24:00" : $"{e.Hour:00}:{e.Minute:00}";
        return $"{s.Hour:00}:{s.Minute:00}-{end}";
    }

    /// <summary>Today's hours as <c>["08:00-14:00"]</c> (the <c>todayHours</c> of the status topic).</summary>
    public static IReadOnlyList<string> DaySpans(IReadOnlyList<Interval> intervals, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        return intervals.Select(i => DaySpan(i, zone)).ToArray();
    }

    /// <summary><c>open</c>, <c>closed</c> or <c>unknown</c>.</summary>
    public static string StateName(OpeningState state) => WireName.Of(state);

    /// <summary><c>regular</c>, <c>holiday</c>, <c>special</c> or <c>closure</c>.</summary>
    public static string ReasonName(ScheduleReason reason) => WireName.Of(reason);
}
