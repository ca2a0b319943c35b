using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>
/// A one-off closure (closed all day) or, with <see cref="Hours"/>, a special day with its own hours.
/// It takes precedence over holidays, special periods and regular hours.
/// </summary>
/// <param name="From">First day (inclusive).</param>
/// <param name="To">Last day (inclusive); equal to <paramref name="From"/> for a single date.</param>
/// <param name="Reason">Shown to people, e.g. <c>Pemadaman listrik PLN</c>.</param>
/// <param name="Hours">The opening_hours expression of a special day, or null when closed all day.</param>
/// <param name="Source">Who decided, or null.</param>
/// <param name="Expression">The parsed <paramref name="Hours"/>, or null.</param>
public sealed record Closure(LocalDate From, LocalDate To, string Reason, string? Hours, string? Source, OpeningHoursExpression? Expression)
{
    /// <summary>Whether <paramref name="date"/> is one of the closure's days.</summary>
    public bool Contains(LocalDate date) => date >= From && date <= To;

    /// <summary>The reason an evaluation gives on these days: <see cref="ScheduleReason.Closure"/>, or <see cref="ScheduleReason.Special"/> for a special day with hours.</summary>
    public ScheduleReason EvaluationReason => Expression is null ? ScheduleReason.Closure : ScheduleReason.Special;
}
