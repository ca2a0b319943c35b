namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// Splits an opening_hours expression into rules (at <c>;</c> and <c>||</c>) of tokens, as the tokenizer of
/// opening_hours.js does for the supported subset (without its error tolerance for other languages).
/// </summary>
internal static class Tokenizer
{
    /// <summary>
    /// Tokenizes <paramref name="text"/> into <paramref name="tokens"/> and the rule slices <paramref name="rules"/>
    /// (both cleared first); throws <see cref="OpeningHoursSyntaxException"/> on a bad character or word.
    /// </summary>
    public static void Tokenize(string text, List<Token> tokens, List<TokenRule> rules)
    {
        tokens.Clear();
        rules.Clear();
        List<Token> current = tokens;
        int ruleStart = 0;
        bool fallback = false;
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c == '\u2423')
            {
                i++;
            }
            else if (char.IsLetter(c))
            {
                int start = i;
                while (i < n && char.IsLetter(text[i]))
                {
                    i++;
                }
                current.Add(Word(text, start, i - start));
            }
            else if (c == '2' && i + 4 <= n && string.CompareOrdinal(text, i, "24/7", 0, 4) == 0)
            {
                current.Add(new Token(TokenKind.TwentyFourSeven, 0, i));
                i += 4;
            }
            else if (c >= '0' && c <= '9')
            {
                int start = i;
                long value = 0;
                while (i < n && text[i] >= '0' && text[i] <= '9')
                {
                    if (value > 100_000_000)
                    {
                        throw new OpeningHoursSyntaxException(start, "number too large");
                    }
                    value = value * 10 + (text[i] - '0');
                    i++;
                }
                current.Add(new Token(value > 1900 ? TokenKind.Year : TokenKind.Number, (int)value, start));
            }
            else if (c == ';')
            {
                rules.Add(new TokenRule(ruleStart, current.Count - ruleStart, fallback, i));
                ruleStart = current.Count;
                fallback = false;
                i++;
            }
            else if (c == '|')
            {
                if (i + 1 >= n || text[i + 1] != '|')
                {
                    throw new OpeningHoursSyntaxException(i, "unexpected '|' (the fallback separator is '||')");
                }
                if (current.Count == ruleStart)
                {
                    throw new OpeningHoursSyntaxException(i, "expected a rule before '||'");
                }
                rules.Add(new TokenRule(ruleStart, current.Count - ruleStart, fallback, i));
                ruleStart = current.Count;
                fallback = true;
                i += 2;
            }
            else if (c == '"')
            {
                int end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new OpeningHoursSyntaxException(i, "comment not closed (expected '\"')");
                }
                current.Add(new Token(TokenKind.Comment, 0, i, text.Substring(i + 1, end - i - 1)));
                i = end + 1;
            }
            else
            {
                TokenKind? kind = c switch
                {
                    ':' or '.' => TokenKind.TimeSep,
                    '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => TokenKind.Dash,
                    '+' => TokenKind.Plus,
                    ',' => TokenKind.Comma,
                    '/' => TokenKind.Slash,
                    '[' => TokenKind.LeftBracket,
                    ']' => TokenKind.RightBracket,
                    _ => null,
                };
                if (kind is null)
                {
                    throw new OpeningHoursSyntaxException(i, $"unexpected character '{c}'");
                }
                current.Add(new Token(kind.Value, 0, i));
                i++;
            }
        }
        rules.Add(new TokenRule(ruleStart, current.Count - ruleStart, fallback, n));
    }

    private static Token Word(string text, int start, int length)
    {
        ReadOnlySpan<char> w = text.AsSpan(start, length);
        if (length == 2)
        {
            int wd = WeekdayIndex(w);
            if (wd >= 0)
            {
                return new Token(TokenKind.Weekday, wd, start);
            }
            if (Eq(w, "ph"))
            {
                return new Token(TokenKind.Holiday, 0, start);
            }
            if (Eq(w, "sh"))
            {
                throw new OpeningHoursSyntaxException(start, "school holidays (SH) are not supported");
            }
        }
        else if (length == 3)
        {
            int m = MonthIndex(w);
            if (m >= 0)
            {
                return new Token(TokenKind.Month, m, start);
            }
            if (Eq(w, "off"))
            {
                return new Token(TokenKind.State, StateClosed, start);
            }
            if (Eq(w, "day"))
            {
                return new Token(TokenKind.CalcDay, 0, start);
            }
        }
        if (Eq(w, "open"))
        {
            return new Token(TokenKind.State, StateOpen, start);
        }
        if (Eq(w, "closed"))
        {
            return new Token(TokenKind.State, StateClosed, start);
        }
        if (Eq(w, "unknown"))
        {
            return new Token(TokenKind.State, StateUnknown, start);
        }
        if (Eq(w, "week"))
        {
            return new Token(TokenKind.Week, 0, start);
        }
        if (Eq(w, "days"))
        {
            return new Token(TokenKind.CalcDay, 0, start);
        }
        if (Eq(w, "sunrise") || Eq(w, "sunset") || Eq(w, "dawn") || Eq(w, "dusk"))
        {
            throw new OpeningHoursSyntaxException(start, $"'{Quote(w)}' (sun times) is not supported");
        }
        if (Eq(w, "easter"))
        {
            throw new OpeningHoursSyntaxException(start, "'easter' is not supported");
        }
        throw new OpeningHoursSyntaxException(start, $"unknown word '{Quote(w)}' (expected a weekday like Mo, a month like Jan, PH, week, open, closed, off or unknown)");
    }

    /// <summary>Longest quoted word in an error message: a refusal names the word, it does not echo a 20,000-character payload.</summary>
    internal const int MaxQuotedLength = 40;

    private static string Quote(ReadOnlySpan<char> w) =>
        w.Length <= MaxQuotedLength ? w.ToString() : string.Concat(w[..MaxQuotedLength], "…");

    /// <summary>State token values.</summary>
    public const int StateOpen = 0, StateClosed = 1, StateUnknown = 2;

    private static readonly string[] Weekdays = ["su", "mo", "tu", "we", "th", "fr", "sa"];
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static int WeekdayIndex(ReadOnlySpan<char> w)
    {
        for (int i = 0; i < Weekdays.Length; i++)
        {
            if (Eq(w, Weekdays[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static int MonthIndex(ReadOnlySpan<char> w)
    {
        for (int i = 0; i < Months.Length; i++)
        {
            if (Eq(w, Months[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool Eq(ReadOnlySpan<char> w, string lower) => w.Equals(lower, StringComparison.OrdinalIgnoreCase);
}
