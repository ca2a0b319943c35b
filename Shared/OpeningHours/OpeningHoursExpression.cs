using NodaTime;

namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// A parsed OpenStreetMap <c>opening_hours</c> expression (see README.md in this folder for the supported
/// syntax), evaluated in local wall time with the semantics of opening_hours.js, the reference implementation.
/// Immutable and thread-safe.
/// </summary>
public sealed class OpeningHoursExpression
{
    // The reference's iterator looks 5 × 366 days ahead for the next change.
    private const long HorizonMinutes = 5L * 366 * CivilDay.MinutesPerDay;

    // Where the reference would search on for ever (a comment that keeps changing on a constant state,
    // e.g. 'PH off': a new holiday name each holiday, always closed), stop after 10 × 366 days in any case.
    private const long SearchCapMinutes = 10L * 366 * CivilDay.MinutesPerDay;

    private readonly CompiledRule[] _rules;
    private readonly bool _hasWrap;
    private readonly bool _usesHolidays;

    private OpeningHoursExpression(string text, CompiledRule[] rules)
    {
        Text = text;
        _rules = rules;
        foreach (CompiledRule rule in rules)
        {
            _hasWrap |= rule.Wrapped;
            foreach (DateSelector[] group in rule.DateGroups)
            {
                foreach (DateSelector s in group)
                {
                    _usesHolidays |= s.Kind == DateSelectorKind.Holiday;
                }
            }
        }
    }

    /// <summary>The expression's text as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    /// <summary>Whether the expression uses <c>PH</c> (and so depends on the holiday calendar).</summary>
    public bool UsesPublicHolidays => _usesHolidays;

    /// <summary>Parses <paramref name="text"/>. Never throws: a bad expression gives an <see cref="OpeningHoursParseError"/>.</summary>
    public static OpeningHoursParseResult Parse(string text)
    {
        if (text is null)
        {
            return new OpeningHoursParseResult(null, new OpeningHoursParseError(0, "the expression is missing"));
        }
        try
        {
            return new OpeningHoursParseResult(new OpeningHoursExpression(text, Parser.Parse(text)), null);
        }
        catch (OpeningHoursSyntaxException e)
        {
            return new OpeningHoursParseResult(null, new OpeningHoursParseError(e.Position, e.Message));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException)
        {
            // A parser defect must not reach the user as an exception; report it as a parse error instead.
            return new OpeningHoursParseResult(null, new OpeningHoursParseError(0, "could not parse the expression (" + e.Message + ")"));
        }
    }

    /// <summary>The state and comment at <paramref name="at"/> (local wall time).</summary>
    /// <param name="at">The local time; seconds are ignored except at an open end, as in the reference.</param>
    /// <param name="holidays">The calendar for <c>PH</c>; without one, <c>PH</c> never matches.</param>
    public OpeningHoursResult GetState(LocalDateTime at, IHolidayCalendar? holidays = null)
    {
        long stamp = ToStamp(at, out bool sub);
        RuleState s = Evaluator.Evaluate(_rules, _hasWrap, stamp, sub, Table(holidays));
        return new OpeningHoursResult(s.State, s.Comment);
    }

    /// <summary>
    /// The first later local time at which the state (open, closed, unknown) differs from that at
    /// <paramref name="at"/>, as opening_hours.js <c>getNextChange</c> answers: boundaries where only the comment
    /// changes are passed over (<see cref="GetIntervals"/> shows those), and the search gives up (null) when
    /// neither state nor comment changes within 5 × 366 days of the last change seen, and in any case after
    /// 10 × 366 days (where the reference would loop for ever).
    /// </summary>
    /// <param name="at">The local time to start from (the answer is always later).</param>
    /// <param name="holidays">The calendar for <c>PH</c>; without one, <c>PH</c> never matches.</param>
    public LocalDateTime? GetNextChange(LocalDateTime at, IHolidayCalendar? holidays = null)
    {
        long stamp = ToStamp(at, out bool sub);
        HolidayTable? table = Table(holidays);
        RuleState initial = Evaluator.Evaluate(_rules, _hasWrap, stamp, sub, table);
        RuleState previous = initial;
        long current = stamp;
        // The reference's iterator gives up after 5 × 366 days without any change (state or comment);
        // an instant with seconds ends that window a minute later.
        long limit = stamp + HorizonMinutes + (sub ? 1 : 0);
        long hardLimit = stamp + SearchCapMinutes;
        while (true)
        {
            long c = previous.Change;
            if (c == DateSelector.NoChange || c <= current || c >= limit || c >= hardLimit)
            {
                return null;
            }
            current = c;
            RuleState s = Evaluator.Evaluate(_rules, _hasWrap, c, false, table);
            if (!s.SameAs(previous))
            {
                if (s.Open != initial.Open || s.Unknown != initial.Unknown)
                {
                    return FromStamp(c);
                }
                // A comment-only change: the reference's next advance() starts a new window here.
                limit = c + HorizonMinutes;
            }
            previous = s;
        }
    }

    /// <summary>
    /// Contiguous, ordered intervals covering [<paramref name="from"/>, <paramref name="to"/>), each with one state
    /// and comment (neighbours always differ). Empty when <paramref name="to"/> is not after <paramref name="from"/>.
    /// </summary>
    public IReadOnlyList<OpeningHoursInterval> GetIntervals(LocalDateTime from, LocalDateTime to, IHolidayCalendar? holidays = null)
    {
        var result = new List<OpeningHoursInterval>();
        if (to <= from)
        {
            return result;
        }
        long stamp = ToStamp(from, out bool sub);
        long toStamp = ToStamp(to, out bool toSub);
        long limit = toStamp + (toSub ? 1 : 0); // the first minute stamp at or after 'to'
        HolidayTable? table = Table(holidays);
        RuleState current = Evaluator.Evaluate(_rules, _hasWrap, stamp, sub, table);
        LocalDateTime segmentStart = from;
        while (true)
        {
            long change = NextChange(stamp, current, limit, table, out RuleState next);
            LocalDateTime? changeAt = change == DateSelector.NoChange ? null : FromStamp(change);
            if (changeAt is null)
            {
                Add(result, segmentStart, to, current);
                return result;
            }
            Add(result, segmentStart, changeAt.Value, current);
            segmentStart = changeAt.Value;
            stamp = change;
            current = next;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static void Add(List<OpeningHoursInterval> result, LocalDateTime from, LocalDateTime to, in RuleState state)
    {
        OpeningState s = state.State;
        if (result.Count > 0)
        {
            OpeningHoursInterval last = result[^1];
            if (last.State == s && string.Equals(last.Comment, state.Comment, StringComparison.Ordinal))
            {
                result[^1] = last with { To = to };
                return;
            }
        }
        result.Add(new OpeningHoursInterval(from, to, s, state.Comment));
    }

    // The reference's iterator: hop from one reported change date to the next until the state differs.
    private long NextChange(long stamp, RuleState current, long limit, HolidayTable? table, out RuleState next)
    {
        RuleState previous = current;
        long at = stamp;
        while (true)
        {
            long c = previous.Change;
            if (c == DateSelector.NoChange || c <= at || c >= limit)
            {
                next = previous;
                return DateSelector.NoChange;
            }
            at = c;
            RuleState s = Evaluator.Evaluate(_rules, _hasWrap, c, false, table);
            if (!s.SameAs(previous))
            {
                next = s;
                return c;
            }
            previous = s;
        }
    }

    private HolidayTable? Table(IHolidayCalendar? holidays) => _usesHolidays ? HolidayTable.For(holidays) : null;

    private static long ToStamp(LocalDateTime at, out bool subMinute)
    {
        if (at.Calendar != CalendarSystem.Iso)
        {
            at = at.WithCalendar(CalendarSystem.Iso);
        }
        subMinute = at.Second != 0 || at.NanosecondOfSecond != 0;
        return CivilDay.FromCivil(at.Year, at.Month, at.Day) * CivilDay.MinutesPerDay + at.Hour * 60 + at.Minute;
    }

    private static LocalDateTime? FromStamp(long stamp)
    {
        long day = CivilDay.FloorDiv(stamp, CivilDay.MinutesPerDay);
        int minute = (int)(stamp - day * CivilDay.MinutesPerDay);
        CivilDay.ToCivil(day, out int y, out int m, out int d);
        if (y < -9998 || y > 9999)
        {
            return null;
        }
        return new LocalDateTime(y, m, d, minute / 60, minute % 60);
    }
}
