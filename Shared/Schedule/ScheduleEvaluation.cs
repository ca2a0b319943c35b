using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>Why the schedule gives the state it gives.</summary>
public enum ScheduleReason
{
    /// <summary>The regular hours of the version in force.</summary>
    Regular,

    /// <summary>A holiday whose kind closes the hall.</summary>
    Holiday,

    /// <summary>A special period (e.g. Ramadan) or special day with its own hours.</summary>
    Special,

    /// <summary>A one-off closure.</summary>
    Closure,
}

/// <summary>The answer of <c>Schedule.Evaluate</c> for one instant.</summary>
/// <param name="State">Open, closed or unknown.</param>
/// <param name="Reason">Which part of the schedule decided.</param>
/// <param name="Name">Holiday, period or closure name; null for regular hours.</param>
/// <param name="Comment">The opening_hours comment in force, if any.</param>
/// <param name="Since">When the current (state, reason, name, comment) began; null if before the horizon.</param>
/// <param name="NextChange">The first later instant where any of those differs; null if none within 5 years.</param>
/// <param name="ClosesAt">When open: the end of the current open interval.</param>
/// <param name="OpensAt">When not open: the start of the next open interval.</param>
/// <param name="TodayHours">Today's open intervals (site-local day), in order.</param>
/// <param name="Source">The source of what decides: the decree of the hours version in force (regular), the holiday's decree, or the special period's or closure's <c>source</c>; null when not given.</param>
public sealed record ScheduleEvaluation(
    OpeningState State,
    ScheduleReason Reason,
    string? Name,
    string? Comment,
    Instant? Since,
    Instant? NextChange,
    Instant? ClosesAt,
    Instant? OpensAt,
    IReadOnlyList<Interval> TodayHours,
    string? Source);
