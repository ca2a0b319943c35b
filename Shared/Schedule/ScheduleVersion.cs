using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>Regular hours in force from a date (a decree), until the next version or <see cref="To"/>.</summary>
/// <param name="From">First day in force.</param>
/// <param name="To">Last day in force (inclusive), or null: until the next version starts.</param>
/// <param name="Hours">The opening_hours expression as written.</param>
/// <param name="Source">The decree or decision that sets these hours.</param>
/// <param name="Expression">The parsed expression.</param>
public sealed record ScheduleVersion(LocalDate From, LocalDate? To, string Hours, string Source, OpeningHoursExpression Expression);
