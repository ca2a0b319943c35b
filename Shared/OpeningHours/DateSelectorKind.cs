namespace MppSignage.Shared.OpeningHours;

/// <summary>The kinds of compiled date selectors (one per selector function of opening_hours.js).</summary>
internal enum DateSelectorKind : byte
{
    /// <summary>Always matches, reports no change (full weekday/month/week ranges).</summary>
    Always,

    /// <summary>Weekday range, possibly inverted for wrapping ranges like Sa-Mo.</summary>
    Weekday,

    /// <summary>The nth weekday of the month (<c>Fr[-1]</c>).</summary>
    NthWeekday,

    /// <summary>Public holiday (<c>PH</c>).</summary>
    Holiday,

    /// <summary>Month range, possibly inverted for ranges across the year end like Nov-Feb.</summary>
    Month,

    /// <summary>Month-day range between two month days (<c>Jan 23-Feb 12</c>, <c>2024 Jul 01-2099 Dec 31</c>).</summary>
    MonthdayRange,

    /// <summary>Days within one month (<c>Dec 25</c>, <c>Jan 01-10</c>, <c>2024 Apr 08</c>).</summary>
    Monthday,

    /// <summary>ISO week numbers with optional period (<c>week 02-52/2</c>).</summary>
    Week,

    /// <summary>Years (<c>2024</c>, <c>2024-2026</c>, <c>2024/2</c>, <c>2024+</c>).</summary>
    Year,
}
