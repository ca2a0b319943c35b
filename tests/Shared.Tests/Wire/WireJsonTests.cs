using System.Text;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Wire;

namespace MppSignage.Shared.Tests.Wire;

/// <summary>The one reader: limits, duplicate keys with their paths, and the same refusals in every format.</summary>
public sealed class WireJsonTests
{
    private static List<WireProblem> Open(string json, JsonInputRules? rules = null)
    {
        var problems = new List<WireProblem>();
        using var doc = WireJson.Open(Encoding.UTF8.GetBytes(json), rules ?? JsonInputRules.Command, problems);
        return problems;
    }

    [Theory]
    [InlineData("""{"state":"closed","state":"open"}""", "state")]                     // the attack of issue 10
    [InlineData("""{"a":{"b":1,"b":2}}""", "a.b")]                                     // nested object
    [InlineData("""{"items":[{"id":"x"},{"id":"y","id":"z"}]}""", "items[1].id")]       // inside an array element
    [InlineData("""[1,"two",{"k":1,"k":2}]""", "[2].k")]                                // scalars before it are counted
    [InlineData("""{"a":[[1],[2]],"b":{"c":{}},"a":0}""", "a")]                         // after nested containers closed
    public void Open_DuplicateKey_NamesTheKeyWithItsPath(string json, string path)
    {
        var problem = Assert.Single(Open(json));
        Assert.Equal(path, problem.Path);
        Assert.Contains("given twice", problem.Reason);
    }

    [Theory]
    [InlineData("""{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}""")]                     // the same name in different objects
    [InlineData("""{"A":1,"a":2}""")]                                                 // names are case-sensitive
    public void Open_SameNameInDifferentObjects_IsNoProblem(string json)
    {
        Assert.Empty(Open(json));
    }

    [Fact]
    public void Open_ManyDuplicates_AreBoundedWithACount()
    {
        var json = "{" + string.Join(",", Enumerable.Repeat("\"k\":1", 1001)) + "}";
        var problems = Open(json);
        Assert.Equal(21, problems.Count);
        Assert.Contains("980 more duplicate keys", problems[^1].Reason);
    }

    [Theory]
    [InlineData("", "empty")]                                 // nothing
    [InlineData("{\"a\":", "not valid JSON at line 1, column")] // truncated
    [InlineData("{\"a\":1,}", "not valid JSON")]               // trailing comma in a strict format
    public void Open_Unreadable_OneProblemForTheWholeInput(string json, string reason)
    {
        var problem = Assert.Single(Open(json));
        Assert.Equal("$", problem.Path);
        Assert.Contains(reason, problem.Reason);
    }

    [Fact]
    public void Open_InvalidUtf8_IsRefused()
    {
        var problems = new List<WireProblem>();
        Assert.Null(WireJson.Open([(byte)'{', 0xFF, (byte)'}'], JsonInputRules.Command, problems));
        Assert.Contains("UTF-8", Assert.Single(problems).Reason);
    }

    [Fact]
    public void Open_OverTheLimit_IsRefusedWithTheLimit()
    {
        var json = "{\"a\":\"" + new string('x', WireJson.MaxCommandBytes) + "\"}";
        var problem = Assert.Single(Open(json));
        Assert.Contains("at most 65536 bytes (64 KiB)", problem.Reason);
        Assert.Equal(problem, WireJson.CheckSize(Encoding.UTF8.GetByteCount(json), JsonInputRules.Command));
        Assert.Null(WireJson.CheckSize(WireJson.MaxCommandBytes, JsonInputRules.Command));
    }

    [Fact]
    public void Open_Lenient_AcceptsCommentsAndTrailingCommas()
    {
        Assert.Empty(Open("{ // hand-edited\n \"a\": [1, 2,], }", new JsonInputRules(1024, "document", Lenient: true)));
    }

    [Theory]
    [InlineData("\"kemarin\"", "the text \"kemarin\"")]   // a string is quoted
    [InlineData("5.5", "the number 5.5")]                 // a number
    [InlineData("true", "true")]                          // a boolean
    [InlineData("null", "null")]                          // null
    [InlineData("[1]", "an array")]                       // an array
    [InlineData("{}", "an object")]                       // an object
    public void Describe_SaysWhatTheValueIs(string json, string expected)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(expected, WireJson.Describe(doc.RootElement));
    }

    [Fact]
    public void Shorten_CutsLongInputOnce_NeverInsideASurrogatePair()
    {
        Assert.Equal("pendek", WireJson.Shorten("pendek"));
        Assert.Equal(new string('x', WireJson.QuoteLength) + "…", WireJson.Shorten(new string('x', 500)));
        var emoji = new string('x', WireJson.QuoteLength - 1) + "😀😀";
        Assert.Equal(new string('x', WireJson.QuoteLength - 1) + "…", WireJson.Shorten(emoji));
    }

    [Fact]
    public void OverrideCommand_DuplicateState_IsRefusedNamingTheKey()
    {
        var result = OverrideCommandParser.Parse("""{"state":"closed","state":"open"}"""u8);

        Assert.False(result.Success);
        Assert.Equal("state", result.Error!.Field);
        Assert.Contains("given twice", result.Error.Error);
    }

    [Fact]
    public void ScheduleCommand_DuplicateKey_IsRefusedByTheGenericChecks()
    {
        var error = CommandPayload.TryOpenObject("""{"versions":[],"versions":[]}"""u8, knownFields: null, out var doc);
        Assert.Null(doc);
        Assert.Equal("versions", error!.Field);
        Assert.Contains("given twice", error.Error);
    }

    [Fact]
    public void Announcement_DuplicateNestedKey_IsReportedWithTheOtherProblems()
    {
        var result = AnnouncementJson.ParseAnnouncement("""{"id":"a","kind":"text","title":{"id":"Satu","id":"Dua"},"seconds":1}"""u8);

        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Field == "title.id" && p.Reason.Contains("given twice"));
        Assert.Contains(result.Problems, p => p.Field == "seconds");   // every problem is still reported
    }

    [Fact]
    public void AnnouncementDelete_DuplicateId_IsRefused()
    {
        var result = AnnouncementJson.ParseDelete("""{"id":"a","id":"b"}"""u8);
        Assert.Null(result.Id);
        Assert.Equal("id", result.Problem!.Field);
        Assert.Contains("given twice", result.Problem.Reason);
    }

    [Fact]
    public void Schedule_DuplicateKey_IsReportedWithItsPathAmongEveryProblem()
    {
        var result = ScheduleLoader.Parse("""
            {"versions":[{"from":"2024-07-01","from":"2024-08-01","hours":"Mo-Fr 08:00-14:00","source":"SK"}],
             "timeZone":"Mars/Olympus"}
            """);

        Assert.False(result.Success);
        Assert.Contains(result.Problems, p => p.Path == "versions[0].from" && p.Reason.Contains("given twice"));
        Assert.Contains(result.Problems, p => p.Path == "timeZone");
    }

    [Fact]
    public void EveryFormat_RefusesTheSameOversizeInputTheSameWay()
    {
        var huge = Encoding.UTF8.GetBytes("{\"id\":\"" + new string('x', WireJson.MaxCommandBytes) + "\"}");
        var command = CommandPayload.TryOpenObject(huge, null, out _)!;
        var announcement = Assert.Single(AnnouncementJson.ParseAnnouncement(huge).Problems);

        Assert.Equal("payload", command.Field);
        Assert.Equal("$", announcement.Field);
        Assert.StartsWith($"payload is {huge.Length} bytes; at most", command.Error);
        Assert.StartsWith($"payload is {huge.Length} bytes; at most", announcement.Reason);
    }
}
