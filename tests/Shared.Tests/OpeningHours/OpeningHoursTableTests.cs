using MppSignage.Shared.OpeningHours;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>The table of issue 2 ("Cases that must pass"); expected values are opening_hours.js's answers.</summary>
public sealed class OpeningHoursTableTests
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    [Theory]
    // 1: a later closing rule without date cuts the span
    [InlineData("10:00-14:00; 12:00-14:00 off", "2012-10-01 11:59", "open", null, "2012-10-01 12:00")]
    // 2: span past midnight, tail on the next day
    [InlineData("22:00-02:00", "2012-10-02 01:30", "open", null, "2012-10-02 02:00")]
    // 3: a rule with a weekday replaces the whole day, including yesterday's tail
    [InlineData("22:00-02:00; Tu 12:00-14:00", "2012-10-02 01:00", "closed", null, "2012-10-02 12:00")]
    // 4: ';' replaces the matching days
    [InlineData("Mo-Fr 10:00-16:00; We 12:00-18:00", "2012-10-03 11:00", "closed", null, "2012-10-03 12:00")]
    // 5: ',' adds to earlier rules
    [InlineData("Mo-Fr 10:00-16:00, We 12:00-18:00", "2012-10-03 11:00", "open", null, "2012-10-03 18:00")]
    // 6: weekday list, next opening two days later
    [InlineData("Mo,Th,Sa,Su 10:00-12:00", "2012-10-02 11:00", "closed", null, "2012-10-04 10:00")]
    // 7: wrapping weekday range Sa-Mo
    [InlineData("Th,Sa-Mo 10:00-12:00", "2012-10-07 10:30", "open", null, "2012-10-07 12:00")]
    // 8: nth weekdays of the month
    [InlineData("We[4,5] 10:00-12:00", "2012-10-17 10:30", "closed", null, "2012-10-24 10:00")]
    // 9: fallback comment gives unknown
    [InlineData("We-Fr 10:00-24:00 open \"it is open\" || \"please call\"", "2012-10-01 09:00", "unknown", "please call", "2012-10-03 10:00")]
    // 10: fallback rule applies where the first rule is closed
    [InlineData("Mo-Fr 08:00-11:00 || Th-Sa 12:00-13:00 open \"Emergency only\"", "2013-10-05 12:30", "open", "Emergency only", "2013-10-05 13:00")]
    // 11: week numbers
    [InlineData("week 01,03 00:00-24:00", "2012-01-10 12:00", "closed", null, "2012-01-16 00:00")]
    // 12: month range across the year end
    [InlineData("Nov-Feb 00:00-24:00", "2012-03-01 00:00", "closed", null, "2012-11-01 00:00")]
    // 13: month-day range across months
    [InlineData("Jan 23-Feb 12 00:00-24:00", "2012-02-12 23:59", "open", null, "2012-02-13 00:00")]
    // 14: month-day range across the year end
    [InlineData("Dec 31-Jan 01", "2012-12-31 12:00", "open", null, "2013-01-02 00:00")]
    // 15: open end: unknown with the reference's comment until the guessed close
    [InlineData("17:00+", "2012-10-01 18:00", "unknown", "Specified as open end. Closing time was guessed.", "2012-10-02 03:00")]
    // 16: fixed span before an open end
    [InlineData("13:00-17:00+", "2012-10-01 16:00", "open", null, "2012-10-01 17:00")]
    // 17: end at 48:00 spills into the second day
    [InlineData("Tu 23:59-48:00", "2012-10-03 12:00", "open", null, "2012-10-04 00:00")]
    // 18: several rules with spans past midnight; Friday's tail on Saturday morning
    [InlineData("Su-Tu 11:00-01:00, We-Th 11:00-03:00, Fr 11:00-06:00, Sa 11:00-07:00", "2012-10-06 05:00", "open", null, "2012-10-06 06:00")]
    // 19: always open, never changes
    [InlineData("24/7", "2025-01-01 00:00", "open", null, null)]
    // 20: always closed, never changes
    [InlineData("off", "2025-01-01 00:00", "closed", null, null)]
    // 21: dated closure with years and a comment
    [InlineData("Mo-Sa 08:00-21:00; 2025 Jul 27-2025 Sep 24 off \"renovacija\"", "2025-09-23 12:17", "closed", "renovacija", "2025-09-25 08:00")]
    // 22: month range with all weekdays
    [InlineData("Jul-Aug Mo-Su 00:00-24:00", "2024-07-14 00:01", "open", null, "2024-09-01 00:00")]
    // 23-26: the decree's hours
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00", "2024-07-01 07:59", "closed", null, "2024-07-01 08:00")]
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00", "2024-07-04 13:59", "open", null, "2024-07-04 14:00")]
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00", "2024-07-04 14:00", "closed", null, "2024-07-05 08:00")]
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00", "2024-07-05 11:00", "closed", null, "2024-07-08 08:00")]
    // 27-28: dated replacement from 2024-07-01
    [InlineData("Mo-Th 08:00-13:00; Fr 08:00-11:00; 2024 Jul 01-2099 Dec 31 Mo-Th 08:00-14:00", "2024-06-27 13:30", "closed", null, "2024-06-28 08:00")]
    [InlineData("Mo-Th 08:00-13:00; Fr 08:00-11:00; 2024 Jul 01-2099 Dec 31 Mo-Th 08:00-14:00", "2024-07-01 13:30", "open", null, "2024-07-01 14:00")]
    // 29: dated holiday closure with a comment
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00; 2024 Apr 08-2024 Apr 15 off \"Idul Fitri 1445 H\"", "2024-04-12 09:00", "closed", "Idul Fitri 1445 H", "2024-04-16 08:00")]
    // 30: Ramadan hours for a date range
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00; 2025 Mar 01-2025 Mar 30 Mo-Th 08:00-13:00", "2025-03-13 13:30", "closed", null, "2025-03-14 08:00")]
    // 31-32: last Friday of the month off, with a comment
    [InlineData("Mo-Fr 08:00-12:00,13:00-16:00; Fr[-1] off \"bersih-bersih\"", "2024-07-26 09:00", "closed", "bersih-bersih", "2024-07-29 08:00")]
    [InlineData("Mo-Fr 08:00-12:00,13:00-16:00; Fr[-1] off \"bersih-bersih\"", "2024-07-24 12:30", "closed", null, "2024-07-24 13:00")]
    public void Table_Case_MatchesReference(string expression, string at, string state, string? comment, string? nextChange)
    {
        OpeningHoursParseResult parsed = OpeningHoursExpression.Parse(expression);
        Assert.True(parsed.Success, parsed.Error?.ToString());
        OpeningHoursExpression e = parsed.Expression!;
        LocalDateTime when = Pattern.Parse(at).Value;

        OpeningHoursResult result = e.GetState(when);

        Assert.Equal(state, result.State.ToString().ToLowerInvariant());
        Assert.Equal(comment, result.Comment);
        LocalDateTime? next = e.GetNextChange(when);
        Assert.Equal(nextChange, next is null ? null : Pattern.Format(next.Value));
    }
}
