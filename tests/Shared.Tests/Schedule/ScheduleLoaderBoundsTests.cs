using System.Diagnostics;
using System.Text;
using MppSignage.Shared.Schedule;

namespace MppSignage.Shared.Tests.Schedule;

/// <summary>Issue 10 item 4: validation linear in the document, a bounded problem list, clean text fields.</summary>
public sealed class ScheduleLoaderBoundsTests
{
    private const string Head = """{ "versions": [ { "from": "2024-07-01", "hours": "Mo-Th 08:00-14:00; Fr 08:00-11:00", "source": "SK" } ], "closures": [""";

    private static string Closures(int count, string closure)
    {
        var sb = new StringBuilder(Head);
        for (var i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append(closure);
        }

        return sb.Append("] }").ToString();
    }

    [Fact]
    public void Parse_FourMegabytesOfIdenticalClosures_AnswersFastWithABoundedList()
    {
        // Just under MaxDocumentBytes: ~100,000 copies of one closure, every pair overlapping (5·10⁹ pairs before).
        var closure = """{"date":"2025-01-02","reason":"x"}""";
        var json = Closures((ScheduleLoader.MaxDocumentBytes - Head.Length - 8) / (closure.Length + 1), closure);
        Assert.True(Encoding.UTF8.GetByteCount(json) is > 4_000_000 and <= ScheduleLoader.MaxDocumentBytes);
        var clock = Stopwatch.StartNew();
        var result = ScheduleLoader.Parse(json);
        clock.Stop();
        Assert.False(result.Success);
        Assert.Equal(ScheduleLoader.MaxProblems + 1, result.Problems.Count);
        Assert.Equal("closures[1]", result.Problems[0].Path);
        Assert.Contains("overlaps closures[0]", result.Problems[0].Reason);
        Assert.Contains("not listed", result.Problems[^1].Reason);
        // Generous for a loaded 2-core machine; the quadratic check took minutes (it never finished in CI).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Parse_OverlapFoundAcrossDocumentOrder_NamesTheEarlierStart()
    {
        // closures[2] lies inside closures[0]; closures[1] does not touch either. Sorting must still find it.
        var json = Head + """
            {"from":"2025-01-01","to":"2025-01-10","reason":"a"},
            {"date":"2025-02-01","reason":"b"},
            {"date":"2025-01-05","reason":"c"}] }
            """;
        var result = ScheduleLoader.Parse(json);
        var p = Assert.Single(result.Problems);
        Assert.Equal("closures[2]", p.Path);
        Assert.Contains("overlaps closures[0]", p.Reason);
    }

    [Fact]
    public void Parse_DisjointClosures_NoProblem()
    {
        var json = Head + """{"date":"2025-01-01","reason":"a"},{"date":"2025-01-02","reason":"b"},{"from":"2025-01-03","to":"2025-01-04","reason":"c"}] }""";
        Assert.True(ScheduleLoader.Parse(json).Success);
    }

    [Theory]
    [InlineData("\u202Egnitset")]    // right-to-left override ("Trojan Source")
    [InlineData("libur\u200Bnasional")] // zero-width space
    [InlineData("rapat\nstaf")]     // line break (a control character)
    [InlineData("rapat\u2066x\u2069")] // bidi isolate
    [InlineData("\uFEFFrapat")]     // BOM / zero-width no-break space
    public void Parse_ReasonWithHiddenCharacters_IsRefusedNamingTheField(string reason)
    {
        var json = Head + $$"""{"date":"2025-01-01","reason":{{System.Text.Json.JsonSerializer.Serialize(reason)}}}] }""";
        var result = ScheduleLoader.Parse(json);
        var p = Assert.Single(result.Problems);
        Assert.Equal("closures[0].reason", p.Path);
        Assert.Contains("not allowed", p.Reason);
    }

    [Fact]
    public void Parse_OverlongName_IsRefusedWithTheLimit()
    {
        var json = Head.Replace("\"source\": \"SK\"", $"\"source\": \"{new string('a', ScheduleLoader.MaxTextLength + 1)}\"") + "] }";
        var p = Assert.Single(ScheduleLoader.Parse(json).Problems);
        Assert.Equal("versions[0].source", p.Path);
        Assert.Contains($"at most {ScheduleLoader.MaxTextLength}", p.Reason);
    }

    [Fact]
    public void Parse_IndonesianTextWithAccentsAndEmoji_IsAccepted()
    {
        var json = Head + """{"date":"2025-01-01","reason":"Rapat koordinasi — kantor tutup 🙏"}] }""";
        Assert.True(ScheduleLoader.Parse(json).Success, string.Join("\n", ScheduleLoader.Parse(json).Problems));
    }
}
