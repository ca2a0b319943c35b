using MppSignage.Shared.Wording;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>One local day of a schedule: what governs it and its open spans.</summary>
/// <param name="Date">The day.</param>
/// <param name="Reason">What governs the day (closure, holiday, special period or regular hours).</param>
/// <param name="Name">Closure reason, holiday or period name; null on regular days.</param>
/// <param name="Source">The decree or source of what governs the day, or null.</param>
/// <param name="Spans">Open spans of the day (site-local), in order; empty when closed all day.</param>
public sealed record ScheduleDay(LocalDate Date, ScheduleReason Reason, string? Name, string? Source, IReadOnlyList<DailySpan> Spans)
{
    /// <summary>The day for <see cref="Phrasebook.WeekSummary"/>: the name becomes the note.</summary>
    public DayHours ToDayHours() => new(Date, Spans, Reason == ScheduleReason.Regular ? null : Name);
}
