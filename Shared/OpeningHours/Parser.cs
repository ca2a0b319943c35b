namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// Parses the tokens of an opening_hours expression into <see cref="CompiledRule"/>s. The structure follows
/// the parser of opening_hours.js (parseGroup and its sub-parsers) so that the rules, their order and the
/// grouping of selectors are the same as the reference builds, which is what its semantics depend on.
/// Errors throw <see cref="OpeningHoursSyntaxException"/>, which <see cref="OpeningHoursExpression.Parse"/> catches.
/// </summary>
internal sealed class Parser
{
    private const int Day = CivilDay.MinutesPerDay;

    /// <summary>Longest expression accepted (OpenStreetMap values are at most 255 characters).</summary>
    public const int MaxLength = 10_000;

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly List<TimeSelector> _time = new();
    private readonly List<TimeSelector> _wrapTime = new();
    private readonly List<DateSelector> _weekday = new();
    private readonly List<DateSelector> _holiday = new();
    private readonly List<DateSelector> _week = new();
    private readonly List<DateSelector> _month = new();
    private readonly List<DateSelector> _monthday = new();
    private readonly List<DateSelector> _year = new();
    // One parser (and its buffers) per thread: parsing allocates little more than the compiled rules.
    [ThreadStatic]
    private static Parser? s_cached;

    private readonly List<Token> _allTokens = new();
    private readonly List<TokenRule> _tokenRules = new();
    private readonly List<CompiledRule> _rules = new();
    private readonly List<DateSelector[]> _groups = new(6);
    private TokenSlice _tokens;
    private int _endPosition;
    private bool _meaning;
    private bool _unknown;
    private string? _comment;

    /// <summary>Parses <paramref name="text"/> into internal rules.</summary>
    public static CompiledRule[] Parse(string text)
    {
        if (IsEmpty(text))
        {
            throw new OpeningHoursSyntaxException(0, "the expression is empty");
        }
        if (text.Length > MaxLength)
        {
            throw new OpeningHoursSyntaxException(MaxLength, $"the expression is too long (more than {MaxLength} characters)");
        }
        Parser parser = s_cached ?? new Parser();
        s_cached = null; // not shared with a nested use on this thread while it is busy
        try
        {
            Tokenizer.Tokenize(text, parser._allTokens, parser._tokenRules);
            return parser.ParseRules();
        }
        finally
        {
            parser._allTokens.Clear();
            parser._rules.Clear();
            parser._timeRangeDepth = 0;
            s_cached = parser;
        }
    }

    private static bool IsEmpty(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && c != ';')
            {
                return false;
            }
        }
        return true;
    }

    private CompiledRule[] ParseRules()
    {
        List<CompiledRule> rules = _rules;
        foreach (TokenRule tokenRule in _tokenRules)
        {
            _tokens = new TokenSlice(_allTokens, tokenRule.Start, tokenRule.Count);
            _endPosition = tokenRule.EndPosition;
            if (_tokens.Count == 0)
            {
                continue; // an empty rule, e.g. after a trailing ';' (the reference only warns)
            }
            int continueAt = 0;
            do
            {
                if (continueAt == _tokens.Count)
                {
                    break; // a trailing ',' (the reference only warns)
                }
                Reset();
                bool additional = continueAt != 0;
                int at = ParseGroup(continueAt, out bool nextIsAdditional);
                continueAt = nextIsAdditional ? at : 0;

                DateSelector[][] groups = Groups();
                rules.Add(new CompiledRule(groups, _time.ToArray(), _meaning, _unknown, _comment, tokenRule.Fallback, additional, wrapped: false));
                if (_wrapTime.Count > 0)
                {
                    // The after-midnight tails become a rule of their own whose date selectors look at the day before.
                    rules.Add(new CompiledRule(groups, _wrapTime.ToArray(), _meaning, _unknown, _comment, fallback: false, additional: false, wrapped: true));
                }
            }
            while (continueAt != 0);
        }
        return rules.ToArray();
    }

    private void Reset()
    {
        _time.Clear();
        _wrapTime.Clear();
        _weekday.Clear();
        _holiday.Clear();
        _week.Clear();
        _month.Clear();
        _monthday.Clear();
        _year.Clear();
        _meaning = true;
        _unknown = false;
        _comment = null;
    }

    private DateSelector[][] Groups()
    {
        // The reference's "optimal selector order": widest first, so a failing group ends the check early.
        _groups.Clear();
        AddGroup(_year);
        AddGroup(_holiday);
        AddGroup(_month);
        AddGroup(_monthday);
        AddGroup(_week);
        AddGroup(_weekday);
        return _groups.Count == 0 ? [] : _groups.ToArray();
    }

    private void AddGroup(List<DateSelector> group)
    {
        if (group.Count > 0)
        {
            _groups.Add(group.ToArray());
        }
    }

    // ---- token helpers -------------------------------------------------------------------------

    private bool Is(int at, TokenKind a) => at >= 0 && at < _tokens.Count && _tokens[at].Kind == a;

    private bool Is(int at, TokenKind a, TokenKind b) => Is(at, a) && Is(at + 1, b);

    private bool Is(int at, TokenKind a, TokenKind b, TokenKind c) => Is(at, a, b) && Is(at + 2, c);

    private bool Is(int at, TokenKind a, TokenKind b, TokenKind c, TokenKind d) => Is(at, a, b, c) && Is(at + 3, d);

    private int Value(int at) => _tokens[at].Value;

    private int Pos(int at) => at >= 0 && at < _tokens.Count ? _tokens[at].Position : _endPosition;

    private OpeningHoursSyntaxException Error(int at, string message) => new(Pos(at), message);

    private string Describe(int at)
    {
        if (at >= _tokens.Count)
        {
            return "end of rule";
        }
        Token t = _tokens[at];
        return t.Kind switch
        {
            TokenKind.Weekday => "weekday",
            TokenKind.Month => "month",
            TokenKind.Number => $"number {t.Value}",
            TokenKind.Year => $"year {t.Value}",
            TokenKind.TimeSep => "':'",
            TokenKind.Holiday => "PH",
            TokenKind.Week => "'week'",
            TokenKind.State => "state",
            TokenKind.Comment => "comment",
            TokenKind.TwentyFourSeven => "'24/7'",
            TokenKind.Dash => "'-'",
            TokenKind.Plus => "'+'",
            TokenKind.Comma => "','",
            TokenKind.Slash => "'/'",
            TokenKind.LeftBracket => "'['",
            TokenKind.RightBracket => "']'",
            TokenKind.CalcDay => "'day'",
            _ => t.Kind.ToString(),
        };
    }

    // ---- parseGroup ----------------------------------------------------------------------------

    private int ParseGroup(int at, out bool additional)
    {
        additional = false;
        int lastTimeEnd = -1;
        bool modifierSpecified = false;
        int n = _tokens.Count;
        while (at < n)
        {
            bool nextAdditional = false;
            if (Is(at, TokenKind.Weekday))
            {
                at = ParseWeekdayRange(at);
            }
            else if (Is(at, TokenKind.TwentyFourSeven))
            {
                _time.Add(new TimeSelector(TimeSelectorKind.Always, 0, Day, false));
                at++;
            }
            else if (Is(at, TokenKind.Holiday))
            {
                at = ParseHoliday(at, pushToWeekday: Is(at + 1, TokenKind.Comma));
            }
            else if (Is(at, TokenKind.Month, TokenKind.Number) || Is(at, TokenKind.Month, TokenKind.Weekday) || Is(at, TokenKind.Year, TokenKind.Month, TokenKind.Number))
            {
                at = ParseMonthdayRange(at, pushToMonth: false);
            }
            else if (Is(at, TokenKind.Year))
            {
                at = ParseYearRange(at);
            }
            else if (Is(at, TokenKind.Month))
            {
                at = ParseMonthRange(at, pushToMonthday: false);
            }
            else if (Is(at, TokenKind.Week))
            {
                at = ParseWeekRange(at);
            }
            else if (at != 0 && at != n - 1 && Is(at, TokenKind.TimeSep) && lastTimeEnd != at)
            {
                at++; // "Mo-Fr: 08:00-12:00": a colon as separator for readability is ignored
            }
            else if (Is(at, TokenKind.Number, TokenKind.TimeSep) || Is(at, TokenKind.Number, TokenKind.Dash))
            {
                at = ParseTimeRange(at, extendedOpenEnd: 0, out nextAdditional);
                lastTimeEnd = at;
            }
            else if (Is(at, TokenKind.State))
            {
                switch (Value(at))
                {
                    case Tokenizer.StateOpen:
                        _meaning = true;
                        break;
                    case Tokenizer.StateClosed:
                        _meaning = false;
                        break;
                    default:
                        _meaning = false;
                        _unknown = true;
                        break;
                }
                modifierSpecified = true;
                at++;
                if (Is(at, TokenKind.Comma))
                {
                    at++;
                    nextAdditional = true;
                }
            }
            else if (Is(at, TokenKind.Comment))
            {
                _comment = _tokens[at].Text;
                if (!modifierSpecified)
                {
                    // A comment without a modifier means unknown (as the reference).
                    _meaning = false;
                    _unknown = true;
                }
                modifierSpecified = true;
                at++;
                if (Is(at, TokenKind.Comma))
                {
                    at++;
                    nextAdditional = true;
                }
            }
            else if (Is(at, TokenKind.CalcDay))
            {
                throw Error(at, "day offsets like '+1 day' are not supported");
            }
            else if (Is(at, TokenKind.Number))
            {
                throw Error(at + 1, "expected a time like 08:00");
            }
            else
            {
                throw Error(at, $"unexpected {Describe(at)}");
            }

            if (nextAdditional)
            {
                additional = true;
                return at;
            }
            if (lastTimeEnd != at)
            {
                lastTimeEnd = -1;
            }
        }
        return at;
    }

    // ---- time ranges ---------------------------------------------------------------------------

    private int HoursMinutes(int at)
    {
        if (Value(at + 2) > 59)
        {
            throw Error(at + 2, "minutes must be 00 to 59");
        }
        return Value(at) * 60 + Value(at + 2);
    }

    // extendedOpenEnd: 0 = no, 1 = open end after a span that passed midnight, 2 = open end after a span.
    private int ParseTimeRange(int at, int extendedOpenEnd, out bool additional)
    {
        additional = false;
        // "a-b+" recurses as in the reference, once per such span of a list; bound it so that a hostile
        // input gives an error instead of a stack overflow (which would end the process).
        if (++_timeRangeDepth > MaxTimeRangeDepth)
        {
            throw Error(at, $"too many open ends in one rule (at most {MaxTimeRangeDepth})");
        }
        try
        {
            return ParseTimeRangeList(at, extendedOpenEnd, out additional);
        }
        finally
        {
            _timeRangeDepth--;
        }
    }

    private const int MaxTimeRangeDepth = 50;

    private int _timeRangeDepth;

    private int ParseTimeRangeList(int at, int extendedOpenEnd, out bool additional)
    {
        additional = false;
        for (; at < _tokens.Count; at++)
        {
            if (Is(at, TokenKind.Number, TokenKind.TimeSep, TokenKind.Number))
            {
                int from = HoursMinutes(at);
                int atEnd = at + 4; // first token after '-' or '+'
                bool openEnd = false;
                bool normalTo = false;
                int to;
                if (!Is(atEnd - 1, TokenKind.Dash))
                {
                    if (Is(atEnd - 1, TokenKind.Plus))
                    {
                        openEnd = true;
                    }
                    else
                    {
                        throw Error(atEnd - 1, "expected '-' and an end time (like 08:00-12:00) or '+' for an open end");
                    }
                }
                if (openEnd)
                {
                    if (extendedOpenEnd == 1)
                    {
                        from += Day;
                    }
                    // The reference's guessed closing time for an open end.
                    to = from >= 22 * 60 ? from + 8 * 60 : from >= 17 * 60 ? from + 10 * 60 : Day;
                }
                else
                {
                    normalTo = Is(atEnd, TokenKind.Number, TokenKind.TimeSep, TokenKind.Number);
                    if (!normalTo)
                    {
                        throw Error(atEnd, "expected a time like 08:00");
                    }
                    to = HoursMinutes(atEnd);
                }
                at = atEnd + (normalTo ? 3 : 0);

                if (Is(at, TokenKind.Slash))
                {
                    throw Error(at, "repeating times (/period) are not supported in opening hours");
                }
                if (Is(at, TokenKind.Plus))
                {
                    // "13:00-17:00+": the open end from the end time is parsed (and added) first, as the reference does.
                    ParseTimeRange(atEnd, to < from ? 1 : 2, out _);
                    at++;
                }

                if (extendedOpenEnd == 0 && from >= Day)
                {
                    throw Error(at - (normalTo ? 7 : 4), "a time span must start before 24:00");
                }
                if (to < from || (normalTo && from == to))
                {
                    to += Day;
                }
                if (to > 2 * Day)
                {
                    throw Error(normalTo ? atEnd : at - 1, "a time span cannot end after 48:00");
                }
                AddSpan(from, to, openEnd, allowWholeDay: true);
            }
            else if (Is(at, TokenKind.Number, TokenKind.Dash, TokenKind.Number))
            {
                // "Mo 09-18": hours without minutes, accepted by the reference.
                int from = Value(at) * 60;
                int to = Value(at + 2) * 60;
                if (from >= Day)
                {
                    throw Error(at, "a time span must start before 24:00");
                }
                if (to < from)
                {
                    to += Day;
                }
                if (to > 2 * Day)
                {
                    throw Error(at + 2, "a time span cannot end after 48:00");
                }
                AddSpan(from, to, false, allowWholeDay: false);
                at += 3;
            }
            else
            {
                if (Is(at, TokenKind.Number, TokenKind.TimeSep))
                {
                    throw Error(at + 2, "expected minutes, a time like 08:00");
                }
                if (Is(at, TokenKind.Number))
                {
                    throw Error(at + 1, "expected a time like 08:00");
                }
                additional = true; // "..., We 12:00-18:00": an additional rule starts here
                return at;
            }

            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
        }
        return at;
    }

    private void AddSpan(int from, int to, bool openEnd, bool allowWholeDay)
    {
        if (allowWholeDay && from == 0 && to == Day)
        {
            _time.Add(new TimeSelector(TimeSelectorKind.Always, 0, Day, false));
        }
        else if (to > Day)
        {
            _time.Add(new TimeSelector(TimeSelectorKind.Extended, from, to, openEnd));
            _wrapTime.Add(new TimeSelector(TimeSelectorKind.Wrap, 0, to - Day, openEnd));
        }
        else
        {
            _time.Add(new TimeSelector(TimeSelectorKind.Normal, from, to, openEnd));
        }
    }

    // ---- weekdays and holidays -----------------------------------------------------------------

    private int ParseWeekdayRange(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            if (Is(at, TokenKind.Weekday, TokenKind.LeftBracket))
            {
                int weekday = Value(at);
                var numbers = new List<int>();
                int endAt = ParseNumRange(at + 2, (from, to, pos) =>
                {
                    if (from == 0 || from < -5 || from > 5)
                    {
                        throw Error(pos, "expected a number from -5 to 5 other than 0 (like Fr[-1] or We[4,5])");
                    }
                    if (from == to)
                    {
                        numbers.Add(from);
                    }
                    else if (from < to)
                    {
                        for (int i = from; i <= to; i++)
                        {
                            if (i == 0 || i < -5 || i > 5)
                            {
                                throw Error(pos + 2, "expected a number from -5 to 5 other than 0 (like Fr[-1] or We[4,5])");
                            }
                            numbers.Add(i);
                        }
                    }
                    else
                    {
                        throw Error(pos + 2, $"the range {from}-{to} is reversed");
                    }
                });
                if (!Is(endAt, TokenKind.RightBracket))
                {
                    throw Error(endAt, "expected ']' or more numbers");
                }
                if ((Is(endAt + 1, TokenKind.Plus) || Is(endAt + 1, TokenKind.Dash)) && Is(endAt + 2, TokenKind.Number, TokenKind.CalcDay))
                {
                    throw Error(endAt + 1, "day offsets like 'Fr[-1] +1 day' are not supported");
                }
                foreach (int number in numbers)
                {
                    _weekday.Add(DateSelector.NthWeekday(weekday, number));
                }
                at = endAt + 1;
            }
            else if (Is(at, TokenKind.Weekday))
            {
                bool isRange = Is(at + 1, TokenKind.Dash, TokenKind.Weekday);
                int from = Value(at);
                int to = isRange ? Value(at + 2) : from;
                bool inside = true;
                if (to < from)
                {
                    // A wrapping range like Sa-Mo is the complement of Tu-Fr.
                    int tmp = to;
                    to = from - 1;
                    from = tmp + 1;
                    inside = false;
                }
                _weekday.Add(to < from ? DateSelector.Always() : DateSelector.Weekday(from, to, inside));
                at += isRange ? 3 : 1;
            }
            else if (Is(at, TokenKind.Holiday))
            {
                return ParseHoliday(at, pushToWeekday: true);
            }
            else if (Is(at - 1, TokenKind.Comma))
            {
                throw Error(at - 1, "an additional rule does not make sense here; use ';' to separate rules");
            }
            else
            {
                throw Error(at, $"expected a weekday like Mo, found {Describe(at)}");
            }

            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
        }
        return at;
    }

    private int ParseNumRange(int at, Action<int, int, int> add)
    {
        for (; at < _tokens.Count; at++)
        {
            if (Is(at, TokenKind.Number, TokenKind.Dash, TokenKind.Number))
            {
                add(Value(at), Value(at + 2), at);
                at += 3;
            }
            else if (Is(at, TokenKind.Dash, TokenKind.Number))
            {
                add(-Value(at + 1), -Value(at + 1), at);
                at += 2;
            }
            else if (Is(at, TokenKind.Number))
            {
                add(Value(at), Value(at), at);
                at++;
            }
            else
            {
                throw Error(at, "expected a number from -5 to 5 other than 0 (like Fr[-1] or We[4,5])");
            }
            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
        }
        return at;
    }

    private int ParseHoliday(int at, bool pushToWeekday)
    {
        List<DateSelector> target = pushToWeekday ? _weekday : _holiday;
        while (at < _tokens.Count)
        {
            if (Is(at, TokenKind.Holiday))
            {
                if ((Is(at + 1, TokenKind.Plus) || Is(at + 1, TokenKind.Dash)) && Is(at + 2, TokenKind.Number, TokenKind.CalcDay))
                {
                    throw Error(at + 1, "day offsets like 'PH +1 day' are not supported");
                }
                target.Add(DateSelector.Holiday());
                at++;
            }
            else if (Is(at, TokenKind.Weekday))
            {
                return ParseWeekdayRange(at);
            }
            else if (Is(at - 1, TokenKind.Comma))
            {
                throw Error(at - 1, "an additional rule does not make sense here; use ';' to separate rules");
            }
            else
            {
                throw Error(at, $"expected PH or a weekday, found {Describe(at)}");
            }
            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
            at++;
        }
        return at;
    }

    // ---- years and weeks -----------------------------------------------------------------------

    private int ParseYearRange(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            if (Is(at, TokenKind.Year))
            {
                bool isRange;
                int hasPeriod = 0;
                int period = 0;
                if (Is(at + 1, TokenKind.Dash, TokenKind.Year, TokenKind.Slash, TokenKind.Number))
                {
                    isRange = true;
                    hasPeriod = 1;
                    period = Value(at + 4);
                    CheckPeriod(at + 4, period);
                }
                else
                {
                    isRange = Is(at + 1, TokenKind.Dash, TokenKind.Year);
                    if (Is(at + 1, TokenKind.Slash, TokenKind.Number))
                    {
                        hasPeriod = 1;
                        period = Value(at + 2);
                        CheckPeriod(at + 2, period);
                    }
                    else if (Is(at + 1, TokenKind.Plus))
                    {
                        hasPeriod = 2;
                        period = 1;
                    }
                }
                int from = Value(at);
                int to = isRange ? Value(at + 2) : from;
                if (isRange && to <= from)
                {
                    throw Error(at, to == from ? $"a year range needs two different years (write just {from})" : "the year range is reversed");
                }
                _year.Add(DateSelector.Year(from, to, isRange, hasPeriod, period));
                at += 1 + (isRange ? 2 : 0) + (hasPeriod != 0 ? (hasPeriod == 2 ? 1 : 2) : 0);
            }
            else if (Is(at - 1, TokenKind.Comma))
            {
                throw Error(at - 1, "an additional rule does not make sense here; use ';' to separate rules");
            }
            else
            {
                throw Error(at, $"expected a year like 2024, found {Describe(at)}");
            }
            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
        }
        return at;
    }

    private void CheckPeriod(int at, int period)
    {
        if (period == 0)
        {
            throw Error(at, "a period of 0 does not make sense");
        }
    }

    private int ParseWeekRange(int at)
    {
        for (; at < _tokens.Count; at++)
        {
            if (Is(at, TokenKind.Week))
            {
                at++;
            }
            if (Is(at, TokenKind.Number))
            {
                bool isRange = Is(at + 1, TokenKind.Dash, TokenKind.Number);
                int period = 0;
                int from = Value(at);
                int to = isRange ? Value(at + 2) : from;
                if (from > to)
                {
                    throw Error(at + 2, "the week range is reversed");
                }
                if (from < 1)
                {
                    throw Error(at, "week numbers start at 01");
                }
                if (to > 53)
                {
                    throw Error(isRange ? at + 2 : at, "week numbers go up to 53");
                }
                if (isRange && Is(at + 3, TokenKind.Slash, TokenKind.Number))
                {
                    period = Value(at + 4);
                    if (period < 2)
                    {
                        throw Error(at + 4, "a week period must be at least 2");
                    }
                    if (period > 26)
                    {
                        throw Error(at + 4, "a week period must be at most 26");
                    }
                }
                _week.Add(period == 0 && from == 1 && to == 53 ? DateSelector.Always() : DateSelector.Week(from, to, period));
                at += 1 + (isRange ? 2 : 0) + (period != 0 ? 2 : 0);
            }
            else if (Is(at - 1, TokenKind.Comma))
            {
                throw Error(at - 1, "an additional rule does not make sense here; use ';' to separate rules");
            }
            else
            {
                throw Error(at, $"expected a week number like 01, found {Describe(at)}");
            }
            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
        }
        return at;
    }

    // ---- months and month days -----------------------------------------------------------------

    private int ParseMonthRange(int at, bool pushToMonthday)
    {
        List<DateSelector> target = pushToMonthday ? _monthday : _month;
        for (; at < _tokens.Count; at++)
        {
            if (Is(at, TokenKind.Month, TokenKind.Number) && !Is(at + 2, TokenKind.TimeSep, TokenKind.Number))
            {
                return ParseMonthdayRange(at, pushToMonth: true);
            }
            if (Is(at, TokenKind.Month))
            {
                bool isRange = Is(at + 1, TokenKind.Dash, TokenKind.Month);
                int from = Value(at);
                int to = isRange ? Value(at + 2) : from;
                bool inside = true;
                if (to < from)
                {
                    // A range across the year end like Nov-Feb is the complement of Mar-Oct.
                    int tmp = to;
                    to = from - 1;
                    from = tmp + 1;
                    inside = false;
                }
                target.Add(DateSelector.Month(from, to, inside));
                at += isRange ? 3 : 1;
            }
            else
            {
                throw Error(at, $"expected a month like Jan, found {Describe(at)}");
            }
            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
        }
        return at;
    }

    private int ParseMonthdayRange(int at, bool pushToMonth)
    {
        List<DateSelector> target = pushToMonth ? _month : _monthday;
        for (; at < _tokens.Count; at++)
        {
            int hasYear0 = Is(at, TokenKind.Year) ? 1 : 0;
            bool hasMonth0 = Is(at + hasYear0, TokenKind.Month, TokenKind.Number);
            if (Is(at + hasYear0, TokenKind.Month, TokenKind.Weekday, TokenKind.LeftBracket))
            {
                // "Dec We[-1]": as the reference, the month and the nth weekday become two selectors.
                int afterBracket = CheckConstrainedWeekday(at + hasYear0 + 3);
                if ((Is(afterBracket, TokenKind.Plus) || Is(afterBracket, TokenKind.Dash)) && Is(afterBracket + 1, TokenKind.Number, TokenKind.CalcDay))
                {
                    throw Error(afterBracket, "day offsets like 'Su[1] +1 day' are not supported");
                }
                int second = afterBracket + 1 + (Is(afterBracket + 1, TokenKind.Year) ? 1 : 0);
                if (Is(afterBracket, TokenKind.Dash) && Is(second, TokenKind.Month))
                {
                    throw Error(afterBracket, "date ranges from an nth weekday (Jan Su[1]-Feb 10) are not supported");
                }
                at = ParseMonthRange(at, pushToMonthday: false);
                if (!Is(at, TokenKind.Comma))
                {
                    break;
                }
                continue;
            }
            int atRangeSep = at + hasYear0 + 2;
            int hasYear1 = -1;
            bool hasMonth1 = false;
            int atSecond = 0;
            if (hasMonth0 && Is(atRangeSep, TokenKind.Dash))
            {
                hasYear1 = Is(atRangeSep + 1, TokenKind.Year) ? 1 : 0;
                atSecond = atRangeSep + 1 + hasYear1;
                hasMonth1 = Is(atSecond, TokenKind.Month, TokenKind.Number);
                if (!hasMonth1 && Is(atSecond, TokenKind.Month, TokenKind.Weekday, TokenKind.LeftBracket))
                {
                    throw Error(atSecond + 1, "an nth weekday of a named month is not supported");
                }
            }

            if (hasYear0 == hasYear1 && hasMonth1)
            {
                // "Jan 23-Feb 12", "Dec 31-Jan 01", "2024 Jul 01-2099 Dec 31"
                int m0 = Value(at + hasYear0), d0 = Value(at + hasYear0 + 1);
                int m1 = Value(atSecond), d1 = Value(atSecond + 1);
                CheckDate(m0, d0, at + hasYear0 + 1);
                CheckDate(m1, d1, atSecond + 1);
                int y0 = hasYear0 == 1 ? Value(at) : 0;
                int y1 = hasYear1 == 1 ? Value(atSecond - 1) : 0;
                target.Add(DateSelector.MonthdayRange(hasYear0 == 1, y0, m0, d0, y1, m1, d1));
                at = atSecond + 2;
            }
            else if (hasMonth0)
            {
                // "Dec 25", "Jan 01-10", "Jan 01-31/2", "Dec 24,26", "2024 Apr 08"
                int year = hasYear0 == 1 ? Value(at) : 0;
                int month = Value(at + hasYear0);
                bool firstRound = true;
                bool isRange;
                var created = new List<(int From, int To, int Period)>();
                do
                {
                    if (!firstRound && hasYear0 == 1)
                    {
                        throw Error(at + 1, "after a date with a year, repeat the year and month for the next date (2024 Jan 01,2024 Jan 15)");
                    }
                    int rangeFrom = Value(at + 1 + hasYear0);
                    isRange = Is(at + 2 + hasYear0, TokenKind.Dash, TokenKind.Number);
                    int period = 0;
                    int atRangeTo = at + hasYear0 + (isRange ? 3 : 1);
                    int rangeTo = Value(atRangeTo) + 1;
                    if (isRange && Is(at + hasYear0 + 4, TokenKind.Slash, TokenKind.Number))
                    {
                        period = Value(at + hasYear0 + 5);
                        CheckPeriod(at + hasYear0 + 5, period);
                    }
                    if (firstRound)
                    {
                        int atTimeSep = at + hasYear0 + 1 + (isRange ? 2 : 0) + (period != 0 ? 2 : 0) + (isRange || period != 0 ? 0 : 1);
                        if (Is(atTimeSep, TokenKind.TimeSep, TokenKind.Number) && (Is(atTimeSep + 2, TokenKind.Plus) || Is(atTimeSep + 2, TokenKind.Dash)))
                        {
                            // "Jan 10:00-12:00": the number is an hour, so this is a month.
                            return ParseMonthRange(at, pushToMonthday: true);
                        }
                    }
                    if (rangeTo < rangeFrom)
                    {
                        throw Error(at + hasYear0 + 3, "the day range is reversed");
                    }
                    CheckDate(month, rangeFrom, at + 1 + hasYear0);
                    CheckDate(month, rangeTo - 1, atRangeTo);
                    created.Add((rangeFrom, rangeTo, period));
                    at += 2 + hasYear0 + (isRange ? 2 : 0) + (period != 0 ? 2 : 0);
                    firstRound = false;
                }
                while (Is(at, TokenKind.Comma, TokenKind.Number));

                // The reference's selectors of one list all see the last "is range" flag (a shared closure variable).
                foreach ((int from, int to, int period) in created)
                {
                    target.Add(DateSelector.Monthday(hasYear0 == 1, year, month, from, to, period, isRange));
                }
            }
            else if (Is(at, TokenKind.Month))
            {
                return ParseMonthRange(at, pushToMonthday: true);
            }
            else if (Is(at - 1, TokenKind.Comma))
            {
                throw Error(at - 1, "an additional rule does not make sense here; use ';' to separate rules");
            }
            else
            {
                return at;
            }
            if (!Is(at, TokenKind.Comma))
            {
                break;
            }
        }
        return at;
    }

    // getConstrainedWeekday of the reference: one number from -5 to 5 (not 0) and ']'; returns the position after ']'.
    private int CheckConstrainedWeekday(int at)
    {
        int number = 0;
        int endAt = ParseNumRange(at, (from, to, pos) =>
        {
            if (from == 0 || from < -5 || from > 5)
            {
                throw Error(pos, "expected a number from -5 to 5 other than 0 (like Su[1])");
            }
            if (from != to)
            {
                throw Error(pos + 2, "a weekday of a named month takes one number, not a range");
            }
            if (number != 0)
            {
                throw Error(pos, "a weekday of a named month takes one number (write 'Dec We[-1]')");
            }
            number = from;
        });
        if (!Is(endAt, TokenKind.RightBracket))
        {
            throw Error(endAt, "expected ']'");
        }
        return endAt + 1;
    }

    // checkIfDateIsValid of the reference (which accepts Feb 31, a day that then never matches).
    private void CheckDate(int month0, int day, int at)
    {
        if (day < 1 || day > 31)
        {
            throw Error(at, $"a day of {MonthNames[month0]} must be 01 to 31");
        }
        if ((month0 == 3 || month0 == 5 || month0 == 8 || month0 == 10) && day == 31)
        {
            throw Error(at, $"{MonthNames[month0]} has only 30 days");
        }
        if (month0 == 1 && day == 30)
        {
            throw Error(at, "Feb has at most 29 days");
        }
    }
}
