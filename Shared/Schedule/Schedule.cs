using System.Collections.Concurrent;
using MppSignage.Shared.Holidays;
using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Wording;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>
/// A validated schedule: regular hours by version, holidays, special periods and closures in one
/// site zone. Answers, for any instant, whether the hall is open and why (<see cref="Evaluate"/>).
/// Build it with <see cref="ScheduleLoader"/>.
/// </summary>
/// <remarks>
/// Precedence, per site-local day: closure (or special day) &gt; holiday whose kind closes &gt;
/// special period &gt; regular version. Each layer governs whole days; an hours expression used for
/// a day is evaluated at that day's instants (so a span past midnight in it carries into the next
/// day only when that day is governed by the same expression).
/// The answers of one local year are computed once into a sorted timeline of runs and cached, so
/// <see cref="Evaluate"/> is a binary search plus a short walk. Immutable and thread-safe.
/// </remarks>
public sealed class Schedule
{
    /// <summary>
    /// How far <see cref="ScheduleEvaluation.NextChange"/>, <c>Since</c>, <c>ClosesAt</c> and <c>OpensAt</c>
    /// look: 5 × 366 days, the window of the engine (and of opening_hours.js).
    /// </summary>
    public static readonly Duration Horizon = Duration.FromDays(5 * 366);

    // Leave room for the 5-year horizon inside NodaTime's calendar range.
    private const int MinYear = 10;
    private const int MaxYear = 9980;

    // A year's timeline is a few hundred runs; 32 years cover any realistic use with little memory.
    private const int MaxCachedYears = 32;

    private static readonly object NoVersion = new();

    private readonly ScheduleVersion[] _versions;
    private readonly SpecialPeriod[] _periods;
    private readonly Closure[] _closures;
    private readonly ConcurrentDictionary<int, YearTimeline> _years = new();

    internal Schedule(
        DateTimeZone zone,
        IReadOnlyList<ScheduleVersion> versions,
        HolidayPolicy holidayPolicy,
        HolidayCalendar holidays,
        IReadOnlyList<SpecialPeriod> specialPeriods,
        IReadOnlyList<Closure> closures,
        string json)
    {
        Zone = zone;
        _versions = versions.ToArray();
        _periods = specialPeriods.OrderBy(p => p.From).ToArray();
        _closures = closures.OrderBy(c => c.From).ToArray();
        HolidayPolicy = holidayPolicy;
        Holidays = holidays;
        Json = json;
    }

    /// <summary>The site zone; every date in the document is a day in this zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The accepted document as compact JSON (what the controller persists and republishes).</summary>
    public string Json { get; }

    /// <summary>Regular-hours versions, oldest first.</summary>
    public IReadOnlyList<ScheduleVersion> Versions => _versions;

    /// <summary>Special periods, by start date.</summary>
    public IReadOnlyList<SpecialPeriod> SpecialPeriods => _periods;

    /// <summary>Closures and special days, by start date.</summary>
    public IReadOnlyList<Closure> Closures => _closures;

    /// <summary>Which holiday kinds close the hall, which count as PH.</summary>
    public HolidayPolicy HolidayPolicy { get; }

    /// <summary>Every holiday of the schedule (default table plus entries), closing or not.</summary>
    public HolidayCalendar Holidays { get; }

    /// <summary>The full answer for <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="at"/> is outside the years 10–9980.</exception>
    public ScheduleEvaluation Evaluate(Instant at)
    {
        var cursor = Locate(at);
        var run = cursor.Run;

        // Since: walk back over runs with the same answer (they differ only in source or year).
        var backLimit = ShiftLocal(at, -1);
        Instant? since = run.Start;
        var back = cursor;
        while (true)
        {
            if (since < backLimit)
            {
                since = null;
                break;
            }

            if (!back.MovePrevious(this) || !back.Run.SameAs(run))
            {
                break;
            }

            since = back.Run.Start;
        }

        if (since is { } s && s < backLimit)
        {
            since = null;
        }

        var limit = ShiftLocal(at, +1);
        var nextChange = FindForward(cursor, limit, r => !r.SameAs(run));
        Instant? closesAt = null, opensAt = null;
        if (run.State == OpeningState.Open)
        {
            closesAt = FindForward(cursor, limit, r => r.State != OpeningState.Open);
        }
        else
        {
            opensAt = FindForward(cursor, limit, r => r.State == OpeningState.Open);
        }

        var today = at.InZone(Zone).Date;
        var todayHours = OpenIntervals(StartOfDay(today), StartOfDay(today.PlusDays(1)));
        return new ScheduleEvaluation(run.State, run.Reason, run.Name, run.Comment, since, nextChange, closesAt, opensAt, todayHours, run.Source);
    }

    /// <summary>
    /// The intervals in [<paramref name="from"/>, <paramref name="to"/>) in which the state is
    /// <see cref="OpeningState.Open"/>, clipped to the range, in order, adjacent ones merged.
    /// </summary>
    public IReadOnlyList<Interval> OpenIntervals(Instant from, Instant to)
    {
        var result = new List<Interval>();
        if (to <= from)
        {
            return result;
        }

        var cursor = Locate(from);
        Instant? openStart = null;
        while (true)
        {
            var run = cursor.Run;
            if (run.Start >= to)
            {
                break;
            }

            var start = run.Start < from ? from : run.Start;
            if (run.State == OpeningState.Open)
            {
                openStart ??= start;
            }
            else if (openStart is { } os)
            {
                result.Add(new Interval(os, start));
                openStart = null;
            }

            if (!cursor.MoveNext(this))
            {
                break;
            }
        }

        if (openStart is { } last)
        {
            result.Add(new Interval(last, to));
        }

        return result;
    }

    /// <summary>The next <paramref name="count"/> changes after <paramref name="from"/> (within the horizon of each).</summary>
    public IReadOnlyList<ScheduleChange> NextChanges(Instant from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var list = new List<ScheduleChange>(count);
        var t = from;
        while (list.Count < count && Evaluate(t).NextChange is { } next)
        {
            var e = Evaluate(next);
            list.Add(new ScheduleChange(next, e.State, e.Reason, e.Name, e.Comment));
            t = next;
        }

        return list;
    }

    /// <summary>The regular-hours version in force on <paramref name="date"/>, or null (before the first, or in a gap).</summary>
    public ScheduleVersion? VersionAt(LocalDate date)
    {
        int lo = 0, hi = _versions.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_versions[mid].From <= date)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        var v = _versions[found];
        return v.To is { } to && date > to ? null : v;
    }

    /// <summary>The special period containing <paramref name="date"/>, or null.</summary>
    public SpecialPeriod? SpecialPeriodAt(LocalDate date) => FindRange(_periods, date, p => p.From, p => p.To);

    /// <summary>The closure or special day containing <paramref name="date"/>, or null.</summary>
    public Closure? ClosureAt(LocalDate date) => FindRange(_closures, date, c => c.From, c => c.To);

    /// <summary>The holiday on <paramref name="date"/> when its kind closes the hall, or null.</summary>
    public Holiday? ClosingHolidayAt(LocalDate date) =>
        Holidays.Get(date) is { } h && HolidayPolicy.Closes(h.Kind) ? h : null;

    /// <summary>The next <paramref name="count"/> holidays from <paramref name="from"/> on whose kind closes the hall.</summary>
    public IReadOnlyList<Holiday> UpcomingHolidays(LocalDate from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var list = new List<Holiday>(count);
        foreach (var h in Holidays.Upcoming(from, int.MaxValue))
        {
            if (list.Count >= count)
            {
                break;
            }

            if (HolidayPolicy.Closes(h.Kind))
            {
                list.Add(h);
            }
        }

        return list;
    }

    /// <summary>One local day: what governs it and its open spans.</summary>
    public ScheduleDay Day(LocalDate date)
    {
        var rule = RuleFor(date);
        var start = StartOfDay(date);
        var intervals = OpenIntervals(start, StartOfDay(date.PlusDays(1)));
        var spans = new List<DailySpan>(intervals.Count);
        foreach (var i in intervals)
        {
            spans.Add(ToSpan(date, i.Start, i.End));
        }

        return new ScheduleDay(date, rule.Reason, rule.Name, rule.Source, spans);
    }

    /// <summary><paramref name="count"/> consecutive days from <paramref name="from"/> (e.g. 7 for the week ahead).</summary>
    public IReadOnlyList<ScheduleDay> Days(LocalDate from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var list = new List<ScheduleDay>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(Day(from.PlusDays(i)));
        }

        return list;
    }

    /// <summary>
    /// The regular week (Monday to Sunday) containing <paramref name="date"/>: the hours of the
    /// version in force on each day, ignoring holidays, special periods and closures. This is what
    /// "Senin–Kamis 08.00–14.00 WIB" summaries show.
    /// </summary>
    public IReadOnlyList<ScheduleDay> RegularWeek(LocalDate date)
    {
        var monday = date.PlusDays(-((int)date.DayOfWeek - 1));
        var list = new List<ScheduleDay>(7);
        for (var i = 0; i < 7; i++)
        {
            var d = monday.PlusDays(i);
            var v = VersionAt(d);
            var spans = v is null ? [] : SpansOf(v.Expression, d);
            list.Add(new ScheduleDay(d, ScheduleReason.Regular, null, v?.Source, spans));
        }

        return list;
    }

    internal DayRule RuleFor(LocalDate date)
    {
        if (ClosureAt(date) is { } c)
        {
            return new DayRule(c.EvaluationReason, c.Reason, c.Source, c.Expression, c);
        }

        if (ClosingHolidayAt(date) is { } h)
        {
            return new DayRule(ScheduleReason.Holiday, h.Name, h.Source, null, h);
        }

        if (SpecialPeriodAt(date) is { } p)
        {
            return new DayRule(ScheduleReason.Special, p.Name, p.Source, p.Expression, p);
        }

        if (VersionAt(date) is { } v)
        {
            return new DayRule(ScheduleReason.Regular, null, v.Source, v.Expression, v);
        }

        return new DayRule(ScheduleReason.Regular, null, null, null, NoVersion);
    }

    private static List<DailySpan> SpansOf(OpeningHoursExpression expression, LocalDate date)
    {
        var spans = new List<DailySpan>();
        var from = date.AtMidnight();
        foreach (var i in expression.GetIntervals(from, date.PlusDays(1).AtMidnight()))
        {
            if (i.State != OpeningState.Open)
            {
                continue;
            }

            var s = (int)Period.Between(from, i.From, PeriodUnits.Minutes).Minutes;
            var e = (int)Period.Between(from, i.To, PeriodUnits.Minutes).Minutes;
            if (spans.Count > 0 && spans[^1].EndMinute == s)
            {
                spans[^1] = spans[^1] with { EndMinute = e }; // open with another comment: one span for people
            }
            else if (e > s)
            {
                spans.Add(new DailySpan(s, e));
            }
        }

        return spans;
    }

    private DailySpan ToSpan(LocalDate date, Instant start, Instant end)
    {
        var s = start.InZone(Zone).LocalDateTime;
        var e = end.InZone(Zone).LocalDateTime;
        var startMinute = s.Date < date ? 0 : s.Hour * 60 + s.Minute;
        var endMinute = e.Date > date ? DailySpan.MinutesPerDay : e.Hour * 60 + e.Minute;
        return new DailySpan(startMinute, endMinute);
    }

    private Instant? FindForward(Cursor from, Instant limit, Func<ScheduleRun, bool> stop)
    {
        var c = from;
        while (true)
        {
            if (!c.MoveNext(this))
            {
                return null;
            }

            if (c.Run.Start > limit)
            {
                return null;
            }

            if (stop(c.Run))
            {
                return c.Run.Start;
            }
        }
    }

    private Instant StartOfDay(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    private static Instant ShiftLocal(Instant at, int sign)
    {
        // Saturates instead of overflowing near the ends of NodaTime's range.
        var limit = sign < 0 ? Instant.MinValue : Instant.MaxValue;
        var distance = sign < 0 ? at - Instant.MinValue : Instant.MaxValue - at;
        return distance <= Horizon ? limit : (sign < 0 ? at - Horizon : at + Horizon);
    }

    private Cursor Locate(Instant at)
    {
        var year = at.InZone(Zone).Year;
        if (year < MinYear || year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, $"Schedules are evaluated between the years {MinYear} and {MaxYear}.");
        }

        var timeline = Year(year);
        var runs = timeline.Runs;
        int lo = 0, hi = runs.Length - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (runs[mid].Start <= at)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return new Cursor(timeline, found);
    }

    private YearTimeline Year(int year)
    {
        if (_years.TryGetValue(year, out var cached))
        {
            return cached;
        }

        if (_years.Count >= MaxCachedYears)
        {
            // Rare (evaluations spread over more than 32 years): start afresh rather than track use.
            _years.Clear();
        }

        return _years.GetOrAdd(year, BuildYear);
    }

    private YearTimeline BuildYear(int year)
    {
        var runs = new List<ScheduleRun>(512);
        var first = new LocalDate(year, 1, 1);
        var end = first.PlusYears(1);
        var d = first;
        var rule = RuleFor(d);
        while (d < end)
        {
            var e = d.PlusDays(1);
            DayRule nextRule = default;
            while (e < end)
            {
                nextRule = RuleFor(e);
                if (!ReferenceEquals(nextRule.Identity, rule.Identity))
                {
                    break;
                }

                e = e.PlusDays(1);
            }

            AddSegment(runs, rule, d, e);
            d = e;
            rule = nextRule;
        }

        return new YearTimeline(year, runs.ToArray());
    }

    private void AddSegment(List<ScheduleRun> runs, DayRule rule, LocalDate from, LocalDate to)
    {
        var start = from.AtMidnight();
        if (rule.Expression is not { } expression)
        {
            Add(runs, start, OpeningState.Closed, null, rule);
            return;
        }

        // The engine's intervals cover the whole segment, one per (state, comment).
        foreach (var i in expression.GetIntervals(start, to.AtMidnight(), Holidays))
        {
            Add(runs, i.From, i.State, i.Comment, rule);
        }
    }

    private void Add(List<ScheduleRun> runs, LocalDateTime localStart, OpeningState state, string? comment, DayRule rule)
    {
        var run = new ScheduleRun(Zone.AtLeniently(localStart).ToInstant(), state, rule.Reason, rule.Name, comment, rule.Source);
        if (runs.Count > 0)
        {
            var last = runs[^1];
            if (last.Identical(run))
            {
                return;
            }

            if (run.Start <= last.Start)
            {
                // Two local times on one instant (a DST fold): the later rule wins.
                runs[^1] = run;
                return;
            }
        }

        runs.Add(run);
    }

    private static T? FindRange<T>(T[] items, LocalDate date, Func<T, LocalDate> from, Func<T, LocalDate> to)
        where T : class
    {
        // Sorted and non-overlapping (checked by the loader): the last one starting on or before date.
        int lo = 0, hi = items.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (from(items[mid]) <= date)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found >= 0 && to(items[found]) >= date ? items[found] : null;
    }

    /// <summary>The runs of one local year; the first starts at the year's first instant.</summary>
    private sealed record YearTimeline(int Year, ScheduleRun[] Runs);

    /// <summary>A position in the chained yearly timelines.</summary>
    private struct Cursor(YearTimeline timeline, int index)
    {
        private YearTimeline _timeline = timeline;
        private int _index = index;

        public readonly ScheduleRun Run => _timeline.Runs[_index];

        public bool MoveNext(Schedule schedule)
        {
            if (_index + 1 < _timeline.Runs.Length)
            {
                _index++;
                return true;
            }

            if (_timeline.Year + 1 > MaxYear)
            {
                return false;
            }

            _timeline = schedule.Year(_timeline.Year + 1);
            _index = 0;
            return true;
        }

        public bool MovePrevious(Schedule schedule)
        {
            if (_index > 0)
            {
                _index--;
                return true;
            }

            if (_timeline.Year - 1 < MinYear)
            {
                return false;
            }

            _timeline = schedule.Year(_timeline.Year - 1);
            _index = _timeline.Runs.Length - 1;
            return true;
        }
    }
}
