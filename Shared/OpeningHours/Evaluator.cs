namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// Evaluates compiled rules at one minute, following getStatePair of opening_hours.js: which rules match
/// the day, which of them replace earlier ones (<c>;</c>), add to them (<c>,</c>) or fall back (<c>||</c>),
/// the open-end handling, the comment, and the next possible change. Allocation-free.
/// </summary>
internal static class Evaluator
{
    /// <summary>The comment the reference gives a guessed open end.</summary>
    public const string OpenEndComment = "Specified as open end. Closing time was guessed.";

    private const int Day = CivilDay.MinutesPerDay;

    /// <summary>
    /// Evaluates at <paramref name="stamp"/> (minutes since 1970-01-01, local). <paramref name="subMinute"/> is true
    /// when the instant has seconds, which matters only for the reference's open-end look-back one millisecond earlier.
    /// </summary>
    public static RuleState Evaluate(CompiledRule[] rules, bool hasWrap, long stamp, bool subMinute, HolidayTable? holidays)
    {
        long day = CivilDay.FloorDiv(stamp, Day);
        long dayStart = day * Day;
        int minute = (int)(stamp - dayStart);
        var today = new DayInfo(day);
        DayInfo yesterday = hasWrap ? new DayInfo(day - 1) : today;

        long change = DateSelector.NoChange;
        string? implicitComment = null; // a holiday name or the open-end comment …
        int implicitRule = -1;          // … and the rule that produced it
        bool implicitIsOpenEnd = false;

        int count = 0;
        Span<int> matching = rules.Length <= 128 ? stackalloc int[rules.Length] : new int[rules.Length];
        for (int r = 0; r < rules.Length; r++)
        {
            CompiledRule rule = rules[r];
            bool dateMatch = true;
            DateSelector[][] groups = rule.DateGroups;
            long shift = rule.Wrapped ? Day : 0;
            for (int g = 0; g < groups.Length; g++)
            {
                DateSelector[] group = groups[g];
                bool any = false;
                for (int s = 0; s < group.Length; s++)
                {
                    bool m = rule.Wrapped
                        ? group[s].Match(yesterday, holidays, out long changeDay, out string? holidayName)
                        : group[s].Match(today, holidays, out changeDay, out holidayName);
                    if (m)
                    {
                        any = true;
                        // The reference's date shifter for wrap rules passes on only match and change date,
                        // so an after-midnight tail never carries the holiday name.
                        if (holidayName is not null && !rule.Wrapped)
                        {
                            implicitComment = holidayName;
                            implicitRule = r;
                            implicitIsOpenEnd = false;
                        }
                    }
                    if (changeDay != DateSelector.NoChange)
                    {
                        long c = changeDay * Day + shift;
                        if (c < change)
                        {
                            change = c;
                        }
                    }
                }
                if (!any)
                {
                    // Date selector groups are a conjunction: nothing changes before this one matches.
                    dateMatch = false;
                    break;
                }
            }
            if (dateMatch)
            {
                // A later normal rule with date selectors replaces what earlier rules said for this day
                // ("Mo-Fr 10:00-20:00; We 10:00-16:00"); closing rules and additional/fallback rules do not.
                if ((groups.Length > 0 || (r > 0 && rule.Meaning && rules[r - 1].DateGroups.Length == 0))
                    && (rule.Meaning || rule.Unknown) && !rule.Wrapped && !rule.Additional && !rule.Fallback)
                {
                    count = 0;
                }
                matching[count++] = r;
            }
        }

        bool open = false, unknown = false;
        int matchRule = -1;
        for (int k = 0; k < count; k++)
        {
            int r = matching[k];
            CompiledRule rule = rules[r];
            TimeSelector[] times = rule.Times;
            if (times.Length == 0 && (!rule.Fallback || !(open || unknown)))
            {
                open = rule.Meaning;
                unknown = rule.Unknown;
                matchRule = r;
            }
            for (int t = 0; t < times.Length; t++)
            {
                bool inSpan = times[t].Match(minute, dayStart, out long timeChange);
                if (inSpan && (!rule.Fallback || !(open || unknown)))
                {
                    open = rule.Meaning;
                    unknown = rule.Unknown;
                    matchRule = r;
                    if (implicitIsOpenEnd)
                    {
                        implicitComment = null;
                        implicitRule = -1;
                        implicitIsOpenEnd = false;
                    }
                    if (times[t].OpenEnd && (open || unknown))
                    {
                        implicitComment = OpenEndComment;
                        implicitRule = matchRule;
                        implicitIsOpenEnd = true;
                        open = false;
                        unknown = true;
                        // The reference's special case for "07:00+,12:00-16:00": after the first minute of an
                        // open end that is followed by another span of the rule, the state is closed.
                        if (t + 1 < times.Length)
                        {
                            bool nextIn = times[t + 1].Match(minute, dayStart, out long nextChange);
                            int previousMinute = subMinute ? minute : (minute == 0 ? Day - 1 : minute - 1);
                            if (!nextIn && nextChange != DateSelector.NoChange && times[t].Contains(previousMinute))
                            {
                                open = false;
                                unknown = false;
                            }
                        }
                    }
                }
                if (timeChange < change)
                {
                    change = timeChange;
                }
            }
        }

        string? comment = null;
        if (matchRule >= 0)
        {
            comment = rules[matchRule].Comment ?? (implicitRule == matchRule ? implicitComment : null);
        }
        return new RuleState(open, unknown, comment, change);
    }
}
