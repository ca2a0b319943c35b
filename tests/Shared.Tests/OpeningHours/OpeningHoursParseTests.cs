using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>Parse errors: where and what, never an exception.</summary>
public sealed class OpeningHoursParseTests
{
    [Theory]
    // nothing to parse
    [InlineData("", 0, "the expression is empty")]
    [InlineData(" ; ;", 0, "the expression is empty")]
    // a span without its end time (position: the end of the rule)
    [InlineData("Mo-Fr 08:00-", 12, "expected a time like 08:00")]
    // end time missing inside a list, before the next rule
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-", 28, "expected a time like 08:00")]
    // minutes out of range
    [InlineData("Mo-Th 08:00-14:60", 15, "minutes must be 00 to 59")]
    // start after the end of the day
    [InlineData("Mo-Fr 25:00-26:00", 6, "a time span must start before 24:00")]
    // end after 48:00
    [InlineData("Mo-Fr 08:00-49:00", 12, "a time span cannot end after 48:00")]
    // a point in time is not an opening span
    [InlineData("Mo-Fr 08:00", 11, "expected '-' and an end time (like 08:00-12:00) or '+' for an open end")]
    // nth weekday out of range
    [InlineData("Fr[0] 08:00-12:00", 3, "expected a number from -5 to 5 other than 0 (like Fr[-1] or We[4,5])")]
    // unclosed nth weekday
    [InlineData("Fr[-1 08:00-12:00", 6, "expected ']' or more numbers")]
    // week numbers
    [InlineData("week 54", 5, "week numbers go up to 53")]
    [InlineData("week 10-02", 8, "the week range is reversed")]
    // invalid month day
    [InlineData("Apr 31", 4, "Apr has only 30 days")]
    // year range
    [InlineData("2026-2024 Mo 08:00-12:00", 0, "the year range is reversed")]
    // words of other languages or unsupported features
    [InlineData("Mon-Fri 08:00-12:00", 0, "unknown word 'Mon' (expected a weekday like Mo, a month like Jan, PH, week, open, closed, off or unknown)")]
    [InlineData("sunrise-sunset", 0, "'sunrise' (sun times) is not supported")]
    [InlineData("SH off", 0, "school holidays (SH) are not supported")]
    [InlineData("PH +1 day off", 3, "day offsets like 'PH +1 day' are not supported")]
    // separators
    [InlineData("|| Mo 08:00-12:00", 0, "expected a rule before '||'")]
    [InlineData("Mo 08:00-12:00 | Tu", 15, "unexpected '|' (the fallback separator is '||')")]
    [InlineData("Mo, 08:00-12:00", 2, "an additional rule does not make sense here; use ';' to separate rules")]
    // comments and characters
    [InlineData("Mo-Fr \"tutup", 6, "comment not closed (expected '\"')")]
    [InlineData("Mo-Fr 08:00-12:00 @", 18, "unexpected character '@'")]
    public void Parse_BrokenExpression_GivesPositionAndMessage(string text, int position, string message)
    {
        OpeningHoursParseResult result = OpeningHoursExpression.Parse(text);

        Assert.False(result.Success);
        Assert.Null(result.Expression);
        Assert.Equal(new OpeningHoursParseError(position, message), result.Error);
        Assert.Equal($"at {position}: {message}", result.Error!.ToString());
    }

    [Fact]
    public void Parse_HostileInput_GivesErrorNotCrash()
    {
        // Each "a-b+" of a list nests one level deeper in the reference's parser; a long list must not overflow the stack.
        string deep = string.Concat(Enumerable.Repeat("10:00-11:00+,", 400)) + "12:00-13:00";
        OpeningHoursParseResult result = OpeningHoursExpression.Parse(deep);
        Assert.False(result.Success);
        Assert.Equal("too many open ends in one rule (at most 50)", result.Error!.Message);

        OpeningHoursParseResult tooLong = OpeningHoursExpression.Parse(string.Concat(Enumerable.Repeat("Mo 08:00-12:00; ", 1000)));
        Assert.Equal(new OpeningHoursParseError(10_000, "the expression is too long (more than 10000 characters)"), tooLong.Error);
    }

    [Fact]
    public void Parse_Null_GivesErrorNotException()
    {
        OpeningHoursParseResult result = OpeningHoursExpression.Parse(null!);

        Assert.False(result.Success);
        Assert.Equal(0, result.Error!.Position);
    }

    [Theory]
    // tolerated as by the reference: lower case, '.' as time separator, en dash, readability colon, trailing separators
    [InlineData("mo-fr 08.00-12.00", "Mo-Fr 08:00-12:00")]
    [InlineData("Mo–Fr 08:00-12:00", "Mo-Fr 08:00-12:00")]
    [InlineData("Mo-Fr: 08:00-12:00", "Mo-Fr 08:00-12:00")]
    [InlineData("Mo-Fr 08:00-12:00;", "Mo-Fr 08:00-12:00")]
    [InlineData("Mo-Fr 08-12", "Mo-Fr 08:00-12:00")]
    public void Parse_TolerantSpellings_MeanTheSame(string variant, string canonical)
    {
        OpeningHoursExpression a = OpeningHoursExpression.Parse(variant).Expression!;
        OpeningHoursExpression b = OpeningHoursExpression.Parse(canonical).Expression!;
        var from = new LocalDateTime(2024, 7, 1, 0, 0);

        Assert.Equal(b.GetIntervals(from, from.PlusDays(7)), a.GetIntervals(from, from.PlusDays(7)));
        Assert.Equal(variant, a.Text);
    }

    [Fact]
    public void Parse_RandomAndMutatedInput_NeverThrows()
    {
        // Fuzz: random token soup and single-character mutations of valid expressions; parsing never throws,
        // and whatever parses can be evaluated without throwing either.
        string[] pieces = ["Mo", "Fr", "Su", "Jan", "Dec", "PH", "week", "off", "open", "unknown", "24/7", "2024", "2099",
            "08", "00", "24", "48", "5", "-", ":", ".", ",", ";", "||", "+", "/", "[", "]", "\"", "\"x\"", " ", " ", "-1", "é", "\u2013"];
        var r = new Random(42);
        var generator = new ExpressionGenerator(43);
        var at = new LocalDateTime(2024, 7, 1, 10, 0);
        int parsed = 0;
        for (int i = 0; i < 4000; i++)
        {
            string text;
            if (i % 2 == 0)
            {
                int n = 1 + r.Next(12);
                text = string.Concat(Enumerable.Range(0, n).Select(_ => pieces[r.Next(pieces.Length)]));
            }
            else
            {
                char[] chars = generator.Next().ToCharArray();
                int k = r.Next(chars.Length);
                chars[k] = "0123456789-:;,|\"[]+/ aZ"[r.Next(23)];
                text = new string(chars);
            }
            OpeningHoursParseResult result = OpeningHoursExpression.Parse(text);
            Assert.True(result.Success ^ (result.Error is not null), text);
            if (result.Error is not null)
            {
                Assert.InRange(result.Error.Position, 0, text.Length);
                Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
                continue;
            }
            parsed++;
            OpeningHoursExpression e = result.Expression!;
            e.GetState(at);
            e.GetNextChange(at);
            e.GetIntervals(at, at.PlusDays(2));
        }
        Assert.InRange(parsed, 200, 3900); // both outcomes were exercised
    }

    [Fact]
    public void Parse_HugeUnknownWord_ErrorQuotesOnlyItsStart()
    {
        var word = new string('x', 5_000); // under the 10,000-character limit of a whole expression
        var result = OpeningHoursExpression.Parse($"Mo {word} 08:00-14:00");

        Assert.False(result.Success);
        Assert.Equal(3, result.Error!.Position);
        Assert.StartsWith($"unknown word '{new string('x', 40)}…'", result.Error.Message);
        Assert.True(result.Error.Message.Length < 200, $"message is {result.Error.Message.Length} characters");
    }
}
