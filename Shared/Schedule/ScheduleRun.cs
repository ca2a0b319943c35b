using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>
/// A stretch of time with one (state, reason, name, comment, source); it ends where the next run
/// starts. Runs with equal <see cref="SameAs"/> keys but another source are kept apart so that the
/// source after a version switch is right, while change detection ignores the source.
/// </summary>
internal readonly record struct ScheduleRun(
    Instant Start,
    OpeningState State,
    ScheduleReason Reason,
    string? Name,
    string? Comment,
    string? Source)
{
    /// <summary>Same state, reason, name and comment (what "a change" is about).</summary>
    public bool SameAs(in ScheduleRun other) =>
        State == other.State
        && Reason == other.Reason
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Comment, other.Comment, StringComparison.Ordinal);

    /// <summary>Same key and same source: such neighbours are merged.</summary>
    public bool Identical(in ScheduleRun other) => SameAs(other) && string.Equals(Source, other.Source, StringComparison.Ordinal);
}
