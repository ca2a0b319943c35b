using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>A named date range with its own hours (e.g. Ramadan), replacing the regular hours on its days.</summary>
/// <param name="Name">Shown to people, e.g. <c>Ramadan 1446 H</c>.</param>
/// <param name="From">First day (inclusive).</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="Hours">The opening_hours expression as written.</param>
/// <param name="Source">Who decided, or null.</param>
/// <param name="Expression">The parsed expression.</param>
public sealed record SpecialPeriod(string Name, LocalDate From, LocalDate To, string Hours, string? Source, OpeningHoursExpression Expression)
{
    /// <summary>Whether <paramref name="date"/> is one of the period's days.</summary>
    public bool Contains(LocalDate date) => date >= From && date <= To;
}
