using NodaTime;

namespace MppSignage.Shared.OpeningHours;

/// <summary>Answers the <c>PH</c> selector of an opening_hours expression.</summary>
/// <remarks>
/// The engine caches the answers of an instance per year (it asks once for every day of a year it
/// needs), so an implementation must give the same answer for the same date for its whole
/// lifetime; build a new instance when the holiday table changes.
/// </remarks>
public interface IHolidayCalendar
{
    /// <summary>The holiday's name when <paramref name="date"/> is a public holiday, otherwise null.</summary>
    string? GetHolidayName(LocalDate date);
}
