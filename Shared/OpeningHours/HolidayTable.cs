using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NodaTime;

namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// A per-year cache of an <see cref="IHolidayCalendar"/> as sorted day numbers, so that the evaluator
/// can find "is this a holiday" and "when is the next one" without calling the calendar in its hot path.
/// </summary>
internal sealed class HolidayTable
{
    // How far ahead "next holiday" looks before answering "none" (beyond the 5-year search horizon).
    private const int LookAheadYears = 7;

    private static readonly ConditionalWeakTable<IHolidayCalendar, HolidayTable> Tables = new();

    private readonly IHolidayCalendar _calendar;
    private readonly ConcurrentDictionary<int, YearHolidays> _years = new();
    private YearHolidays? _last;

    private HolidayTable(IHolidayCalendar calendar) => _calendar = calendar;

    /// <summary>The shared table of <paramref name="calendar"/>, or null for no calendar.</summary>
    public static HolidayTable? For(IHolidayCalendar? calendar)
        => calendar is null ? null : Tables.GetValue(calendar, static c => new HolidayTable(c));

    /// <summary>Whether <paramref name="day"/> is a holiday, with its name.</summary>
    public bool TryGetName(long day, out string? name)
    {
        CivilDay.ToCivil(day, out int year, out _, out _);
        YearHolidays y = Year(year);
        int i = Array.BinarySearch(y.Days, day);
        if (i >= 0)
        {
            name = y.Names[i];
            return true;
        }
        name = null;
        return false;
    }

    /// <summary>The first holiday strictly after <paramref name="day"/>, or <see cref="DateSelector.NoChange"/>.</summary>
    public long NextHolidayAfter(long day)
    {
        CivilDay.ToCivil(day, out int year, out _, out _);
        for (int k = 0; k <= LookAheadYears; k++)
        {
            YearHolidays y = Year(year + k);
            int i = Array.BinarySearch(y.Days, day + 1);
            if (i < 0)
            {
                i = ~i;
            }
            if (i < y.Days.Length)
            {
                return y.Days[i];
            }
        }
        return DateSelector.NoChange;
    }

    private YearHolidays Year(int year)
    {
        YearHolidays? last = _last;
        if (last is not null && last.Year == year)
        {
            return last;
        }
        YearHolidays y = _years.GetOrAdd(year, Load);
        _last = y;
        return y;
    }

    private YearHolidays Load(int year)
    {
        var days = new List<long>();
        var names = new List<string>();
        if (year >= 1 && year <= 9998)
        {
            long first = CivilDay.FromCivil(year, 1, 1);
            long end = CivilDay.FromCivil(year + 1, 1, 1);
            var date = new LocalDate(year, 1, 1);
            for (long d = first; d < end; d++, date = date.PlusDays(1))
            {
                string? name = _calendar.GetHolidayName(date);
                if (name is not null)
                {
                    days.Add(d);
                    names.Add(name);
                }
            }
        }
        return new YearHolidays(year, days.ToArray(), names.ToArray());
    }
}
