using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>A holiday calendar from a fixed date → name table.</summary>
internal sealed class DictionaryHolidayCalendar : IHolidayCalendar
{
    private readonly Dictionary<LocalDate, string> _days;

    public DictionaryHolidayCalendar(IEnumerable<KeyValuePair<LocalDate, string>> days) => _days = new Dictionary<LocalDate, string>(days);

    public int Count => _days.Count;

    public string? GetHolidayName(LocalDate date) => _days.TryGetValue(date, out string? name) ? name : null;
}
