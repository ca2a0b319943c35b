using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Tests.Mqtt;

/// <summary>
/// The allocation-free span overloads of <see cref="IsoTime"/> (used by the <c>hours eval --jsonl</c> batch) read and
/// write exactly what NodaTime's patterns do: each case is checked against the patterns themselves.
/// </summary>
public sealed class IsoTimeSpanTests
{
    // The oracle: the two read patterns IsoTime documents (ExtendedIso, and minutes only with a general offset).
    private static readonly OffsetDateTimePattern[] Oracle =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    public static TheoryData<string> Texts() =>
    [
        "2024-07-01T15:00:00+07:00",           // the written form
        "2024-07-01T15:00+07:00",              // minutes only
        "2024-07-01T15:00:00+07",              // offset without minutes
        "2024-07-01T08:00:00Z",                // UTC
        "2024-07-01T08:00Z",                   // UTC, minutes only
        "2024-07-01T08:00:00.250Z",            // fraction
        "2024-07-01T08:00:00.123456789-03:30", // nine fraction digits, negative offset with minutes
        "2024-07-01T08:00:00.1234567891Z",     // ten fraction digits
        "2024-07-01T08:00:00,5Z",              // comma fraction (left to the patterns)
        "2024-07-01T08:00:00z",                // lower-case z (left to the patterns)
        "2024-07-01T08:00:00+18:00",           // the largest offset (left to the patterns)
        "2024-07-01T08:00:00+19:00",           // beyond it
        "2024-07-01T08:00:00+07:60",           // minute 60 in the offset
        "2024-02-29T08:00:00+07:00",           // leap day
        "2023-02-29T08:00:00+07:00",           // no such day
        "2024-13-01T08:00:00+07:00",           // month 13
        "2024-07-01T24:00:00+07:00",           // hour 24
        "2024-07-01T23:59:60+07:00",           // second 60
        "0000-07-01T08:00:00Z",                // year 0
        "2024-07-01T08:00:00",                 // no offset
        "2024-07-01T08:00:00+07:00 ",          // trailing space
        "2024-07-01 08:00:00+07:00",           // space for T
        "2024-07-01T08:00:00.+07:00",          // a dot without digits
        "2024-7-01T08:00:00+07:00",            // one-digit month
        "",                                    // empty
        "garbage",                             // not a date
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryParseSpan_AgreesWithThePatterns(string text)
    {
        var expected = Oracle.Select(p => p.Parse(text)).FirstOrDefault(r => r.Success);
        var ok = IsoTime.TryParse(text.AsSpan(), out var value);
        Assert.Equal(expected is not null, ok);
        if (expected is not null)
        {
            Assert.Equal(expected.Value, value);
        }
    }

    [Theory]
    [InlineData("2024-07-01T08:00", true)]            // minutes only
    [InlineData("2024-07-01T08:00:30.5", true)]       // seconds and fraction
    [InlineData("2024-07-01T08:00:00+07:00", false)]  // an offset is not local
    [InlineData("2024-07-01 08:00", false)]           // a space: the caller's patterns decide
    public void TryParseLocalFast_ReadsTheLocalShape(string text, bool fast)
    {
        var pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF");
        var minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
        Assert.Equal(fast, IsoTime.TryParseLocalFast(text, out var value));
        if (fast)
        {
            var expected = pattern.Parse(text) is { Success: true } p ? p.Value : minutes.Parse(text).Value;
            Assert.Equal(expected, value);
        }
    }

    [Theory]
    [InlineData("Asia/Jakarta", 2024, 7, 1)]   // WIB
    [InlineData("Asia/Jakarta", 1900, 1, 1)]   // Batavia mean time, +07:07:12: seconds in the offset
    [InlineData("America/St_Johns", 2024, 1, 5)] // a negative half-hour offset
    [InlineData("UTC", 2024, 7, 1)]             // zero offset
    [InlineData("Europe/Berlin", 2024, 3, 31)]  // the day of a DST gap (02:30 is lenient)
    public void FormatSpan_WritesWhatThePatternWrites(string zoneId, int year, int month, int day)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        Span<char> buffer = stackalloc char[64];
        for (var minute = 0; minute < 24 * 60; minute += 30)
        {
            var local = new LocalDate(year, month, day).AtMidnight().PlusMinutes(minute).PlusSeconds(7);
            var written = IsoTime.Format(local, zone, buffer);
            Assert.Equal(IsoTime.Format(local, zone), buffer[..written].ToString());
        }
    }
}
