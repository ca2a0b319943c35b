using MppSignage.Shared.Mqtt;
using MppSignage.Shared.OpeningHours;
using NodaTime;
using NodaTime.Text;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.SignageRenderer.Preview;

/// <summary>
/// The status a controller in automatic mode with a synchronised clock would publish for a schedule at an
/// instant, for previews without a status file. (The running screen never does this: it shows the
/// controller's status.)
/// </summary>
public static class ScheduleStatus
{
    /// <summary>The controller's default closing-soon window.</summary>
    public static readonly Duration ClosingSoon = Duration.FromMinutes(15);

    private static readonly OffsetDateTimePattern Wire = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>Evaluates <paramref name="schedule"/> at <paramref name="at"/> and writes it as a status message.</summary>
    public static StatusMessage Compute(SiteSchedule schedule, Instant at)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = schedule.Zone;
        var e = schedule.Evaluate(at);
        var open = e.State == OpeningState.Open;
        var closingSoon = open && e.ClosesAt is { } c && c - at <= ClosingSoon;
        return new StatusMessage
        {
            State = open ? "open" : "closed",
            Phase = closingSoon ? "closing-soon" : open ? "open" : "closed",
            Mode = "auto",
            Reason = e.Reason.ToString().ToLowerInvariant(),
            Name = e.Name,
            Comment = e.Comment,
            Since = Format(e.Since, zone),
            NextChange = Format(e.NextChange, zone),
            ClosesAt = open ? Format(e.ClosesAt, zone) : null,
            OpensAt = open ? null : Format(e.OpensAt, zone),
            Relay = open ? "on" : "off",
            ClockSynced = true,
            TodayHours = e.TodayHours.Select(i => Hours(i, zone)).ToList(),
            TimeZone = zone.Id,
            UpdatedAt = Format(at, zone)!,
        };
    }

    private static string? Format(Instant? instant, DateTimeZone zone) =>
        instant is { } i ? Wire.Format(i.InZone(zone).ToOffsetDateTime()) : null;

    private static string Hours(Interval interval, DateTimeZone zone)
    {
        var start = interval.HasStart ? interval.Start.InZone(zone) : default;
        var end = interval.HasEnd ? interval.End.InZone(zone) : default;
        var startText = interval.HasStart ? start.TimeOfDay.ToString("HH':'mm", null) : "00:00";
        // An interval that ends at the next midnight is written 24:00, as opening_hours does.
        var endText = !interval.HasEnd || (interval.HasStart && end.Date > start.Date && end.TimeOfDay == LocalTime.Midnight)
            ? "24:00"
            : end.TimeOfDay.ToString("HH':'mm", null);
        return $"{startText}-{endText}";
    }
}
