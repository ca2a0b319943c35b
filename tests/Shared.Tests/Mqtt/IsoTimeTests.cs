using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Tests.Wire;
using MppSignage.TestSupport;
using NodaTime;

namespace MppSignage.Shared.Tests.Mqtt;

/// <summary>The one instant format of the wire (RFC 3339, full offset) and the one ISO instant parser.</summary>
public sealed class IsoTimeTests
{
    private static readonly DateTimeZone Jakarta = Time.Jakarta;

    [Theory]
    [InlineData("Asia/Jakarta", "2024-07-01T08:00:00+07:00")]     // WIB
    [InlineData("Asia/Makassar", "2024-07-01T09:00:00+08:00")]    // WITA
    [InlineData("UTC", "2024-07-01T01:00:00+00:00")]              // zero offset keeps its minutes
    public void Format_IsRfc3339WithFullOffset(string zone, string expected)
    {
        var instant = Instant.FromUtc(2024, 7, 1, 1, 0);
        var text = IsoTime.Format(instant, DateTimeZoneProviders.Tzdb[zone]);
        Assert.Equal(expected, text);
        AssertStrict(text, instant);
    }

    [Theory]
    [InlineData("2024-07-01T15:00:00+07:00")]      // the written form
    [InlineData("2024-07-01T15:00+07:00")]         // minutes only
    [InlineData("2024-07-01T15:00:00+07")]         // offset without minutes (what old lists carry)
    [InlineData("2024-07-01T08:00:00Z")]           // UTC
    [InlineData("2024-07-01T08:00:00.250Z")]       // fraction
    public void Parse_AcceptsIsoWithOffset(string text)
    {
        var parsed = IsoTime.Parse(text);
        Assert.NotNull(parsed);
        Assert.Equal(new LocalDate(2024, 7, 1), parsed.Value.InZone(Jakarta).Date);
    }

    [Theory]
    [InlineData("2024-07-01T15:00:00")]            // no offset: which zone?
    [InlineData("2024-07-01 15:00:00+07:00")]      // a space is not ISO on the wire
    [InlineData("2025-02-30T08:00:00+07:00")]      // no such day
    [InlineData("kemarin")]                        // not a time
    [InlineData("")]                               // empty
    public void Parse_RefusesAnythingElse(string text)
    {
        Assert.Null(IsoTime.Parse(text));
    }

    [Theory]
    [InlineData("2026-12-01T14:48:52+07:00", true)]    // what the wire carries
    [InlineData("2026-12-01T07:48:52Z", true)]         // UTC
    [InlineData("2026-12-01T14:48:52+07", false)]      // the old list's offset without minutes
    [InlineData("2026-12-01T14:48+07:00", false)]      // no seconds
    [InlineData("2026-12-01 14:48:52+07:00", false)]   // space instead of T
    [InlineData("2026-12-01T14:48:52", false)]         // no offset
    public void Rfc3339Check_IsStrict(string text, bool strict)
    {
        Assert.Equal(strict, Rfc3339.IsStrict(text));
    }

    [Fact]
    public void Format_OffsetDateTime_KeepsItsOffset()
    {
        var value = new OffsetDateTime(new LocalDateTime(2026, 12, 1, 14, 48, 52), Offset.FromHours(7));
        Assert.Equal("2026-12-01T14:48:52+07:00", IsoTime.Format(value));
        Assert.True(IsoTime.TryParse(IsoTime.Format(value), out var back));
        Assert.Equal(value, back);
    }

    private static void AssertStrict(string? text, Instant expected)
    {
        Assert.True(Rfc3339.IsStrict(text, out var parsed), $"not strict RFC 3339: {text}");
        Assert.Equal(expected.ToDateTimeOffset(), parsed);
    }
}
