namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// One compiled date selector. It answers, for a day, whether it matches and from which day on the
/// answer may change (the change dates follow opening_hours.js exactly, including its quirks, so
/// that the next-change search visits the same instants as the reference).
/// </summary>
internal readonly struct DateSelector
{
    /// <summary>Sentinel for "no change date" (opening_hours.js returns undefined).</summary>
    public const long NoChange = long.MaxValue;

    private readonly int _a, _b, _c, _d, _e, _f, _g;

    private DateSelector(DateSelectorKind kind, bool flag, int a = 0, int b = 0, int c = 0, int d = 0, int e = 0, int f = 0, int g = 0)
    {
        Kind = kind;
        Flag = flag;
        _a = a; _b = b; _c = c; _d = d; _e = e; _f = f; _g = g;
    }

    public DateSelectorKind Kind { get; }

    /// <summary>"inside" for ranges, "has year" for month days, "is range" for years.</summary>
    private bool Flag { get; }

    public static DateSelector Always() => new(DateSelectorKind.Always, true);

    /// <summary>Weekdays <paramref name="from"/>..<paramref name="to"/> (0 = Sunday); matches outside when not <paramref name="inside"/>.</summary>
    public static DateSelector Weekday(int from, int to, bool inside) => new(DateSelectorKind.Weekday, inside, from, to);

    /// <summary>The <paramref name="number"/>th (negative: from the end) <paramref name="weekday"/> of the month.</summary>
    public static DateSelector NthWeekday(int weekday, int number) => new(DateSelectorKind.NthWeekday, true, weekday, number);

    public static DateSelector Holiday() => new(DateSelectorKind.Holiday, true);

    /// <summary>Months <paramref name="from"/>..<paramref name="to"/> (0 = January); full range when to &lt; from.</summary>
    public static DateSelector Month(int from, int to, bool inside) => new(DateSelectorKind.Month, inside, from, to);

    /// <summary>From (y0, m0, d0) to (y1, m1, d1) inclusive; years used when <paramref name="hasYear"/>.</summary>
    public static DateSelector MonthdayRange(bool hasYear, int y0, int m0, int d0, int y1, int m1, int d1)
        => new(DateSelectorKind.MonthdayRange, hasYear, y0, m0, d0, y1, m1, d1);

    /// <summary>Days <paramref name="from"/>..(<paramref name="toExclusive"/>-1) of month <paramref name="month0"/>, every <paramref name="period"/> days (0: all).</summary>
    public static DateSelector Monthday(bool hasYear, int year, int month0, int from, int toExclusive, int period, bool isRange)
        => new(DateSelectorKind.Monthday, hasYear, year, month0, from, toExclusive, period, isRange ? 1 : 0);

    /// <summary>ISO weeks <paramref name="from"/>..<paramref name="to"/> every <paramref name="period"/> weeks (0: all).</summary>
    public static DateSelector Week(int from, int to, int period) => new(DateSelectorKind.Week, true, from, to, period);

    /// <summary>Years; hasPeriod: 0 none, 1 "/n", 2 "+".</summary>
    public static DateSelector Year(int from, int to, bool isRange, int hasPeriod, int period)
        => new(DateSelectorKind.Year, isRange, from, to, hasPeriod, period);

    /// <summary>
    /// Evaluates the selector for <paramref name="d"/>. <paramref name="changeDay"/> is the day from which the
    /// answer may change (<see cref="NoChange"/> when opening_hours.js gives none); <paramref name="holidayName"/>
    /// is set when a holiday matched.
    /// </summary>
    public bool Match(in DayInfo d, HolidayTable? holidays, out long changeDay, out string? holidayName)
    {
        holidayName = null;
        switch (Kind)
        {
            case DateSelectorKind.Always:
                changeDay = NoChange;
                return true;

            case DateSelectorKind.Weekday:
            {
                int wd = d.Weekday;
                if (wd < _a || wd > _b)
                {
                    changeDay = NextWeekday(d, _a);
                    return !Flag;
                }
                changeDay = NextWeekday(d, _b + 1);
                return Flag;
            }

            case DateSelectorKind.NthWeekday:
                return MatchNthWeekday(d, out changeDay);

            case DateSelectorKind.Holiday:
                if (holidays is null)
                {
                    // No holiday table: PH never matches and never changes.
                    changeDay = NoChange;
                    return false;
                }
                if (holidays.TryGetName(d.Day, out holidayName))
                {
                    changeDay = d.Day + 1;
                    return true;
                }
                changeDay = holidays.NextHolidayAfter(d.Day);
                return false;

            case DateSelectorKind.Month:
            {
                if (_b < _a)
                {
                    changeDay = NoChange;
                    return !Flag;
                }
                int mo = d.Month0;
                if (mo < _a || mo > _b)
                {
                    changeDay = NextMonth(d, _a);
                    return !Flag;
                }
                changeDay = NextMonth(d, _b + 1);
                return Flag;
            }

            case DateSelectorKind.MonthdayRange:
            {
                long from = CivilDay.FromJs(Flag ? _a : d.Year, _b, _c);
                long to = CivilDay.FromJs(Flag ? _d : d.Year, _e, _f + 1);
                bool inside = true;
                if (to < from)
                {
                    (from, to) = (to, from);
                    inside = false;
                }
                if (d.Day < from)
                {
                    changeDay = from;
                    return !inside;
                }
                if (d.Day < to)
                {
                    changeDay = to;
                    return inside;
                }
                changeDay = Flag ? NoChange : CivilDay.FromCivil(d.Year + 1, 1, 1);
                return !inside;
            }

            case DateSelectorKind.Monthday:
                return MatchMonthday(d, out changeDay);

            case DateSelectorKind.Week:
                return MatchWeek(d, out changeDay);

            case DateSelectorKind.Year:
                return MatchYear(d, out changeDay);

            default:
                changeDay = NoChange;
                return false;
        }
    }

    // dateAtNextWeekday of opening_hours.js.
    private static long NextWeekday(in DayInfo d, int weekday)
    {
        int delta = weekday - d.Weekday;
        return d.Day + delta + (delta < 0 ? 7 : 0);
    }

    // dateAtNextMonth of opening_hours.js.
    private static long NextMonth(in DayInfo d, int month0)
        => CivilDay.FromJs(d.Year, month0 < d.Month0 ? month0 + 12 : month0, 1);

    private bool MatchNthWeekday(in DayInfo d, out long changeDay)
    {
        int weekday = _a, number = _b;
        long startThis = CivilDay.FromJs(d.Year, d.Month0, 1);
        long startNext = CivilDay.FromJs(d.Year, d.Month0 + 1, 1);
        long target = ConstrainedWeekday(d.Year, d.Month0, weekday, number);
        if (target < startThis || target >= startNext)
        {
            // The nth weekday does not exist this month (a fifth Wednesday).
            changeDay = startNext;
            return false;
        }
        if (d.Day == target)
        {
            changeDay = d.Day + 1;
            return true;
        }
        changeDay = d.Day < target ? target : startNext;
        return false;
    }

    // getDateForConstrainedWeekday of opening_hours.js (without day offsets).
    private static long ConstrainedWeekday(int year, int month0, int weekday, int number)
    {
        long first = CivilDay.FromJs(year, month0 + (number > 0 ? 0 : 1), 1);
        int delta = weekday - CivilDay.WeekdaySunday0(first);
        long next = first + delta + (delta < 0 ? 7 : 0);
        return next + (number + (number > 0 ? -1 : 0)) * 7L;
    }

    private bool MatchMonthday(in DayInfo d, out long changeDay)
    {
        int month = _b, rangeFrom = _c, rangeTo = _d, period = _e;
        bool isRange = _f != 0;
        int fromYear = Flag ? _a : d.Year;
        long fromDate = CivilDay.FromJs(fromYear, month, rangeFrom);
        // As opening_hours.js: a February day that does not exist this year never matches and
        // reports no change (new Date(y, 1, 29) rolls into March).
        if (month == 1 && rangeFrom != DayOfMonth(fromDate))
        {
            changeDay = NoChange;
            return false;
        }
        CivilDay.ToCivil(fromDate, out int fy, out _, out _);
        long toDate = CivilDay.FromJs(fy, month, rangeTo);
        if (month == 1 && isRange && rangeTo != DayOfMonth(toDate))
        {
            changeDay = NoChange;
            return false;
        }
        if (d.Day < fromDate)
        {
            changeDay = fromDate;
            return false;
        }
        if (d.Day >= toDate)
        {
            changeDay = CivilDay.FromCivil(d.Year + 1, 1, 1);
            return false;
        }
        if (period == 0)
        {
            changeDay = toDate;
            return true;
        }
        long inPeriod = (d.Day - fromDate) % period;
        if (inPeriod == 0)
        {
            changeDay = d.Day + 1;
            return true;
        }
        changeDay = d.Day + period - inPeriod;
        return false;
    }

    private static int DayOfMonth(long day)
    {
        CivilDay.ToCivil(day, out _, out _, out int dom);
        return dom;
    }

    private bool MatchWeek(in DayInfo d, out long changeDay)
    {
        int weekFrom = _a, weekTo = _b, period = _c;
        int week = d.IsoWeek();
        if (week < weekFrom || week > weekTo)
        {
            changeDay = NextDateOfIsoWeek(weekFrom, d);
            return false;
        }
        if (period != 0)
        {
            int offset = (week - weekFrom) % period;
            if (offset == 0)
            {
                changeDay = NextDateOfIsoWeek(week + 1, d);
                return true;
            }
            int nextMatching = week + period - offset;
            changeDay = NextDateOfIsoWeek(nextMatching <= weekTo ? nextMatching : weekFrom, d);
            return false;
        }
        changeDay = NextDateOfIsoWeek(weekTo == 53 ? 1 : weekTo + 1, d);
        return true;
    }

    // getDateOfISOWeek of opening_hours.js.
    private static long DateOfIsoWeek(int week, int year)
    {
        long simple = CivilDay.FromJs(year, 0, 1 + (week - 1) * 7);
        int dow = CivilDay.WeekdaySunday0(simple);
        return dow <= 4 ? simple - dow + 1 : simple + 8 - dow;
    }

    // getNextDateOfISOWeek of opening_hours.js.
    private static long NextDateOfIsoWeek(int week, in DayInfo d)
    {
        for (int i = -1; i <= 1; i++)
        {
            long candidate = DateOfIsoWeek(week, d.Year + i);
            if (candidate > d.Day)
            {
                return candidate;
            }
        }
        return NoChange;
    }

    private bool MatchYear(in DayInfo d, out long changeDay)
    {
        int from = _a, to = _b, hasPeriod = _c, period = _d;
        bool isRange = Flag;
        int year = d.Year;
        if (year < from)
        {
            changeDay = CivilDay.FromCivil(from, 1, 1);
            return false;
        }
        if (hasPeriod != 0)
        {
            if (isRange && year > to)
            {
                changeDay = NoChange;
                return false;
            }
            if ((year - from) % period == 0)
            {
                changeDay = CivilDay.FromCivil(year + 1, 1, 1);
                return true;
            }
            changeDay = CivilDay.FromCivil(year + period - 1, 1, 1);
            return false;
        }
        if (isRange)
        {
            if (year <= to)
            {
                changeDay = CivilDay.FromCivil(to + 1, 1, 1);
                return true;
            }
            changeDay = NoChange;
            return false;
        }
        changeDay = NoChange;
        return year == from;
    }
}
