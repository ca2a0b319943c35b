using NodaTime;

namespace MppSignage.Shared.OpeningHours;

/// <summary>Answers the <c>PH</c> selector of an opening_hours expression.</summary>
public interface IHolidayCalendar
{
    /// <summary>The holiday's name when <paramref name="date"/> is a public holiday, otherwise null.</summary>
    string? GetHolidayName(LocalDate date);
}
