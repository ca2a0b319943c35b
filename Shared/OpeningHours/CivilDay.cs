namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// Proleptic Gregorian day arithmetic on plain integers (days since 1970-01-01), so the evaluator
/// needs no NodaTime or <see cref="DateTime"/> objects in its hot path. Algorithms after
/// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
/// </summary>
internal static class CivilDay
{
    /// <summary>Minutes in a day.</summary>
    public const int MinutesPerDay = 1440;

    /// <summary>Day number of a civil date; <paramref name="month"/> is 1-12.</summary>
    public static long FromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        long era = (year >= 0 ? year : year - 399) / 400;
        long yoe = year - era * 400;
        long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /// <summary>
    /// Day number of "year, month0, day" with JavaScript <c>new Date(y, m, d)</c> normalisation:
    /// months outside 0-11 roll into other years and days outside the month roll into other months.
    /// </summary>
    public static long FromJs(long year, int month0, int day)
    {
        long y = year + FloorDiv(month0, 12);
        int m0 = (int)(month0 - FloorDiv(month0, 12) * 12);
        return FromCivil(y, m0 + 1, 1) + day - 1;
    }

    /// <summary>Civil date of a day number; month is 1-12.</summary>
    public static void ToCivil(long days, out int year, out int month, out int day)
    {
        days += 719468;
        long era = (days >= 0 ? days : days - 146096) / 146097;
        long doe = days - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        day = (int)(doy - (153 * mp + 2) / 5 + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));
    }

    /// <summary>Weekday of a day number, 0 = Sunday … 6 = Saturday (as JavaScript's getDay).</summary>
    public static int WeekdaySunday0(long days)
    {
        // 1970-01-01 was a Thursday (4).
        long w = (days + 4) % 7;
        return (int)(w < 0 ? w + 7 : w);
    }

    /// <summary>Floor division for possibly negative numerators.</summary>
    public static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }
}
