namespace MppSignage.Shared.OpeningHours;

/// <summary>The calendar facts of one day that date selectors look at, computed once per day.</summary>
internal readonly struct DayInfo
{
    public DayInfo(long day)
    {
        Day = day;
        CivilDay.ToCivil(day, out int y, out int m, out int d);
        Year = y;
        Month0 = m - 1;
        DayOfMonth = d;
        Weekday = CivilDay.WeekdaySunday0(day);
    }

    /// <summary>Days since 1970-01-01.</summary>
    public long Day { get; }

    /// <summary>Calendar year.</summary>
    public int Year { get; }

    /// <summary>Month, 0 = January (as JavaScript).</summary>
    public int Month0 { get; }

    /// <summary>Day of the month, 1-31.</summary>
    public int DayOfMonth { get; }

    /// <summary>Weekday, 0 = Sunday (as JavaScript).</summary>
    public int Weekday { get; }

    /// <summary>ISO week number, computed as opening_hours.js does (nearest Thursday).</summary>
    public int IsoWeek()
    {
        long thursday = Day + 4 - (Weekday == 0 ? 7 : Weekday);
        CivilDay.ToCivil(thursday, out int ty, out _, out _);
        long yearStart = CivilDay.FromCivil(ty, 1, 1);
        return (int)((thursday - yearStart + 1 + 6) / 7);
    }
}
