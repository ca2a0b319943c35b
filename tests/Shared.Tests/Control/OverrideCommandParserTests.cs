using System.Text;
using MppSignage.Shared.Control;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Shared.Tests.Control;

public sealed class OverrideCommandParserTests
{
    [Fact]
    public void Parse_FullCommand_ReadsEveryField()
    {
        var result = OverrideCommandParser.Parse("""{"state":"open","until":"2024-07-01T15:00:00+07:00","reason":"antrian panjang"}"""u8);
        Assert.True(result.Success);
        Assert.Equal(OverrideTarget.Open, result.Value!.Target);
        Assert.Equal(J(2024, 7, 1, 15, 0), result.Value.Until);
        Assert.Equal("antrian panjang", result.Value.Reason);
    }

    [Theory]
    [InlineData("not json", "payload", "not valid JSON")]                                         // non-JSON
    [InlineData("", "payload", "empty")]                                                          // empty payload
    [InlineData("[1,2]", "payload", "JSON object")]                                               // wrong root type
    [InlineData("{}", "state", "required")]                                                       // missing state
    [InlineData("""{"state":1}""", "state", "must be a string")]                                  // wrong type
    [InlineData("""{"state":"half-open"}""", "state", "unknown value")]                           // unknown value
    [InlineData("""{"state":"open","until":5}""", "until", "ISO 8601")]                           // wrong type for until
    [InlineData("""{"state":"open","until":"tomorrow"}""", "until", "not an ISO 8601")]           // invalid date
    [InlineData("""{"state":"open","until":"2024-07-01T15:00:00"}""", "until", "not an ISO 8601")] // no offset
    [InlineData("""{"state":"open","reason":["x"]}""", "reason", "must be a string")]             // wrong type for reason
    [InlineData("""{"state":"open","untill":"x"}""", "untill", "unknown field")]                  // typo / unknown field
    [InlineData("""{"state":"auto","until":"2024-07-01T15:00:00+07:00"}""", "until", "auto")]     // until with auto
    public void Parse_BadPayload_NamesFieldAndReason(string payload, string field, string fragment)
    {
        var result = OverrideCommandParser.Parse(Encoding.UTF8.GetBytes(payload));
        Assert.False(result.Success);
        Assert.Equal(field, result.Error!.Field);
        Assert.Contains(fragment, result.Error.Error);
    }

    [Fact]
    public void Parse_Oversized_IsRefusedBeforeParsing()
    {
        var big = Encoding.UTF8.GetBytes("{\"state\":\"open\",\"reason\":\"" + new string('x', CommandLimits.MaxPayloadBytes) + "\"}");
        var result = OverrideCommandParser.Parse(big);
        Assert.Equal("payload", result.Error!.Field);
        Assert.Contains("64 KiB", result.Error.Error);
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRefused()
    {
        var result = OverrideCommandParser.Parse(new byte[] { 0x7B, 0xFF, 0xFE, 0x7D });
        Assert.Equal("payload", result.Error!.Field);
        Assert.Contains("UTF-8", result.Error.Error);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefused()
    {
        var deep = "{\"state\":\"open\",\"reason\":" + new string('[', 100) + new string(']', 100) + "}";
        var result = OverrideCommandParser.Parse(Encoding.UTF8.GetBytes(deep));
        Assert.False(result.Success);
        Assert.Equal("payload", result.Error!.Field);
    }
}
