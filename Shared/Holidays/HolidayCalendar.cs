using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Holidays;

/// <summary>
/// A set of holidays by date. As an <see cref="IHolidayCalendar"/> it answers the <c>PH</c> selector
/// of opening_hours expressions for the kinds it was given (by default only <c>libur-nasional</c>).
/// Immutable and thread-safe.
/// </summary>
public sealed class HolidayCalendar : IHolidayCalendar
{
    private readonly Dictionary<LocalDate, Holiday> _byDate;
    private readonly HashSet<string> _publicHolidayKinds;

    /// <summary>Builds the calendar; a later entry for the same date replaces an earlier one.</summary>
    /// <param name="holidays">The days.</param>
    /// <param name="publicHolidayKinds">Kinds that count as <c>PH</c>; null means <c>libur-nasional</c> only.</param>
    public HolidayCalendar(IEnumerable<Holiday> holidays, IEnumerable<string>? publicHolidayKinds = null)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        _byDate = new Dictionary<LocalDate, Holiday>();
        foreach (var h in holidays)
        {
            _byDate[h.Date] = h;
        }

        _publicHolidayKinds = new HashSet<string>(publicHolidayKinds ?? [HolidayKinds.LiburNasional], StringComparer.Ordinal);
        All = _byDate.Values.OrderBy(h => h.Date).ToArray();
    }

    /// <summary>Every day, in date order.</summary>
    public IReadOnlyList<Holiday> All { get; }

    /// <summary>The holiday on <paramref name="date"/>, or null.</summary>
    public Holiday? Get(LocalDate date) => _byDate.GetValueOrDefault(date);

    /// <inheritdoc />
    public string? GetHolidayName(LocalDate date) =>
        _byDate.TryGetValue(date, out var h) && _publicHolidayKinds.Contains(h.Kind) ? h.Name : null;

    /// <summary>The days from <paramref name="from"/> (inclusive) on, in order, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<Holiday> Upcoming(LocalDate from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var start = LowerBound(from);
        return All.Skip(start).Take(count).ToArray();
    }

    /// <summary>The days in [<paramref name="from"/>, <paramref name="to"/>] (both inclusive), in order.</summary>
    public IReadOnlyList<Holiday> Between(LocalDate from, LocalDate to)
    {
        var start = LowerBound(from);
        var result = new List<Holiday>();
        for (var i = start; i < All.Count && All[i].Date <= to; i++)
        {
            result.Add(All[i]);
        }

        return result;
    }

    private int LowerBound(LocalDate date)
    {
        int lo = 0, hi = All.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (All[mid].Date < date)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
