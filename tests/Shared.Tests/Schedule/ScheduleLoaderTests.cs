using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using NodaTime;
using static MppSignage.Shared.Tests.Schedule.ScheduleFixtures;

namespace MppSignage.Shared.Tests.Schedule;

public sealed class ScheduleLoaderTests
{
    private const string Minimal = """
        { "versions": [ { "from": "2024-07-01", "hours": "Mo-Th 08:00-14:00; Fr 08:00-11:00", "source": "SK" } ] }
        """;

    private static ScheduleProblem Single(string json)
    {
        var problems = Problems(json);
        Assert.True(problems.Count == 1, "expected one problem, got:\n" + string.Join("\n", problems));
        return problems[0];
    }

    [Fact]
    public void Parse_Minimal_DefaultsToJakartaAndTheOfficialTable()
    {
        var s = Load(Minimal);
        Assert.Equal("Asia/Jakarta", s.Zone.Id);
        Assert.True(s.HolidayPolicy.IncludeDefault);
        Assert.Equal(["libur-nasional", "cuti-bersama"], s.HolidayPolicy.CloseOn);
        Assert.Equal(Shared.Holidays.OfficialHolidays.All.Count, s.Holidays.All.Count);
        Assert.Equal(OpeningState.Closed, s.Evaluate(Jakarta(2024, 9, 16, 9, 0)).State);
    }

    [Fact]
    public void Parse_DefaultDocument_IsValid()
    {
        var result = ScheduleLoader.LoadFile(DefaultDocumentPath);
        Assert.True(result.Success, string.Join("\n", result.Problems));
        Assert.Equal(2, result.Schedule!.Versions.Count);
        Assert.Single(result.Schedule.SpecialPeriods);
    }

    [Theory]
    [InlineData("2024-13-01")]   // month 13
    [InlineData("2024-02-30")]   // no such day
    [InlineData("1 Juli 2024")]  // not ISO
    [InlineData("2024-7-1")]     // not zero-padded
    public void Parse_WrongDate_NamesTheField(string date)
    {
        var p = Single(Minimal.Replace("2024-07-01", date));
        Assert.Equal("versions[0].from", p.Path);
        Assert.Contains(date, p.Reason);
        Assert.Contains("YYYY-MM-DD", p.Reason);
    }

    [Fact]
    public void Parse_YearTypo_IsRefused()
    {
        var p = Single(Minimal.Replace("2024-07-01", "0224-07-01"));
        Assert.Equal("versions[0].from", p.Path);
        Assert.Contains("typo", p.Reason);
    }

    [Fact]
    public void Parse_NumberForDate_SaysWhatItGot()
    {
        var p = Single(Minimal.Replace("\"2024-07-01\"", "20240701"));
        Assert.Equal("versions[0].from", p.Path);
        Assert.Contains("number 20240701", p.Reason);
    }

    [Fact]
    public void Parse_UnknownHolidayKind_NamesTheEntryAndTheKnownKinds()
    {
        var p = Single("""
            { "versions": [ { "from": "2024-07-01", "hours": "Mo-Fr 08:00-14:00", "source": "SK" } ],
              "holidays": { "entries": [ { "date": "2024-07-04", "kind": "cuti", "name": "Hari Jadi" } ] } }
            """);
        Assert.Equal("holidays.entries[0].kind", p.Path);
        Assert.Contains("unknown holiday kind 'cuti'", p.Reason);
        Assert.Contains("libur-nasional, cuti-bersama", p.Reason);
        Assert.Contains("holidays.localKinds", p.Reason);
    }

    [Fact]
    public void Parse_DeclaredLocalKind_IsAcceptedAndCanClose()
    {
        var s = Load("""
            { "versions": [ { "from": "2024-07-01", "hours": "Mo-Fr 08:00-14:00", "source": "SK" } ],
              "holidays": { "includeDefault": false, "localKinds": ["hari-jadi"],
                            "closeOn": ["libur-nasional", "hari-jadi"],
                            "entries": [ { "date": "2024-07-04", "kind": "hari-jadi", "name": "Hari Jadi Kota Probolinggo" } ] } }
            """);
        var e = s.Evaluate(Jakarta(2024, 7, 4, 9, 0));
        Assert.Equal(ScheduleReason.Holiday, e.Reason);
        Assert.Equal("Hari Jadi Kota Probolinggo", e.Name);
        Assert.DoesNotContain(s.Holidays.All, h => h.Kind == "libur-nasional"); // includeDefault: false
    }

    [Theory]
    [InlineData("Cuti-Daerah")]  // capitals
    [InlineData("1-daerah")]     // digit first
    [InlineData("cuti bersama")] // space
    public void Parse_MalformedLocalKind_IsRefused(string kind)
    {
        var p = Single(Minimal.Replace("] }", $"], \"holidays\": {{ \"localKinds\": [\"{kind}\"] }} }}"));
        Assert.Equal("holidays.localKinds[0]", p.Path);
        Assert.Contains("^[a-z][a-z0-9-]*$", p.Reason);
    }

    [Fact]
    public void Parse_CutiBersamaNotClosing_StaysOpenButLiburNasionalCloses()
    {
        var s = Load(Minimal.Replace("] }", "], \"holidays\": { \"closeOn\": [\"libur-nasional\"] } }"));
        Assert.Equal(OpeningState.Open, s.Evaluate(Jakarta(2024, 12, 26, 9, 0)).State);   // cuti bersama, a Thursday
        Assert.Equal(OpeningState.Closed, s.Evaluate(Jakarta(2024, 12, 25, 9, 0)).State); // libur nasional, a Wednesday
    }

    [Fact]
    public void Parse_DuplicateVersionDate_IsAnOverlappingVersion()
    {
        var p = Single("""
            { "versions": [ { "from": "2024-07-01", "hours": "Mo-Fr 08:00-14:00", "source": "A" },
                            { "from": "2024-07-01", "hours": "Mo-Fr 08:00-13:00", "source": "B" } ] }
            """);
        Assert.Equal("versions[1].from", p.Path);
        Assert.Contains("overlapping version", p.Reason);
        Assert.Contains("versions[0]", p.Reason);
    }

    [Fact]
    public void Parse_VersionsOutOfOrder_IsAnOverlappingVersion()
    {
        var p = Single("""
            { "versions": [ { "from": "2024-07-01", "hours": "Mo-Fr 08:00-14:00", "source": "A" },
                            { "from": "2020-01-01", "hours": "Mo-Fr 08:00-13:00", "source": "B" } ] }
            """);
        Assert.Equal("versions[1].from", p.Path);
        Assert.Contains("overlapping version", p.Reason);
        Assert.Contains("oldest first", p.Reason);
    }

    [Fact]
    public void Parse_VersionEndingAfterTheNextStarts_IsAnOverlappingVersionOnTo()
    {
        var p = Single("""
            { "versions": [ { "from": "2020-01-01", "to": "2024-07-31", "hours": "Mo-Fr 08:00-13:00", "source": "A" },
                            { "from": "2024-07-01", "hours": "Mo-Fr 08:00-14:00", "source": "B" } ] }
            """);
        Assert.Equal("versions[0].to", p.Path);
        Assert.Contains("overlapping version", p.Reason);
    }

    [Fact]
    public void Parse_VersionWithEndAndGap_IsClosedInTheGap()
    {
        var s = Load("""
            { "versions": [ { "from": "2024-01-01", "to": "2024-06-30", "hours": "Mo-Fr 08:00-13:00", "source": "A" },
                            { "from": "2024-07-08", "hours": "Mo-Fr 08:00-14:00", "source": "B" } ],
              "holidays": { "includeDefault": false } }
            """);
        var gap = s.Evaluate(Jakarta(2024, 7, 3, 9, 0));
        Assert.Equal(OpeningState.Closed, gap.State);
        Assert.Null(gap.Source);
        Assert.Equal(Jakarta(2024, 7, 8, 8, 0), gap.OpensAt);
    }

    [Fact]
    public void Parse_BrokenExpression_SaysWhereAndWhat()
    {
        var p = Single(Minimal.Replace("Mo-Th 08:00-14:00; Fr 08:00-11:00", "Mo-Th 08:00-1400"));
        Assert.Equal("versions[0].hours", p.Path);
        Assert.Matches(@"^at \d+: ", p.Reason);
        Assert.Contains("Mo-Th 08:00-1400", p.Reason);
    }

    [Fact]
    public void Parse_UnknownZone_IsRefused()
    {
        var p = Single(Minimal.Replace("{ \"versions\"", "{ \"timeZone\": \"Asia/Jakata\", \"versions\""));
        Assert.Equal("timeZone", p.Path);
        Assert.Contains("Asia/Jakata", p.Reason);
    }

    [Fact]
    public void Parse_OtherZone_UsesIt()
    {
        var s = Load(Minimal.Replace("{ \"versions\"", "{ \"timeZone\": \"Asia/Makassar\", \"versions\""));
        // 08:00 WITA is 07:00 WIB: at 07:30 Jakarta time it is already open in Makassar.
        Assert.Equal(OpeningState.Open, s.Evaluate(Jakarta(2024, 7, 2, 7, 30)).State);
    }

    [Fact]
    public void Evaluate_ZoneWithDaylightSaving_StaysConsistentAcrossTheSwitches()
    {
        // Berlin springs forward 2024-03-31 02:00→03:00 and falls back 2024-10-27 03:00→02:00.
        var s = Load("""
            { "timeZone": "Europe/Berlin", "holidays": { "includeDefault": false },
              "versions": [ { "from": "2024-01-01", "hours": "Mo-Su 01:00-04:00", "source": "test" } ] }
            """);
        var zone = s.Zone;
        foreach (var day in new[] { new LocalDate(2024, 3, 31), new LocalDate(2024, 10, 27) })
        {
            var start = zone.AtStartOfDay(day).ToInstant();
            var intervals = s.OpenIntervals(start, start + Duration.FromDays(1));
            var only = Assert.Single(intervals);
            // 01:00–04:00 local is 2 hours on the short day and 4 hours on the long day.
            Assert.Equal(day.Month == 3 ? Duration.FromHours(2) : Duration.FromHours(4), only.Duration);
            for (var t = start; t < start + Duration.FromDays(1); t += Duration.FromMinutes(15))
            {
                var e = s.Evaluate(t);
                Assert.True(e.NextChange > t);
                Assert.Equal(only.Contains(t), e.State == OpeningState.Open);
            }
        }
    }

    [Fact]
    public void Parse_UnknownField_SuggestsTheRightSpelling()
    {
        // Both: the unknown 'Source', and the missing 'source'.
        var problems = Problems(Minimal.Replace("\"source\"", "\"Source\""));
        Assert.Contains(problems, x => x.Path == "versions[0].Source" && x.Reason.Contains("did you mean 'source'"));
        Assert.Contains(problems, x => x.Path == "versions[0].source" && x.Reason.Contains("missing"));
    }

    [Fact]
    public void Parse_InvalidJson_GivesLineAndColumn()
    {
        var p = Single("{ \"versions\": [ { \"from\": \"2024-07-01\" \"hours\": \"24/7\" } ] }");
        Assert.Equal("$", p.Path);
        Assert.Contains("not valid JSON at line 1", p.Reason);
    }

    [Theory]
    [InlineData("[]")]      // an array
    [InlineData("42")]      // a number
    [InlineData("null")]    // null
    public void Parse_NotAnObject_IsRefused(string json)
    {
        Assert.Equal("$", Single(json).Path);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var s = Load("""
            {
              // the decree
              "versions": [ { "from": "2024-07-01", "hours": "Mo-Fr 08:00-14:00", "source": "SK", }, ],
            }
            """);
        Assert.DoesNotContain("decree", s.Json); // the republished copy is plain JSON
    }

    [Fact]
    public void Parse_ManyProblems_AllReportedAtOnce()
    {
        var problems = Problems("""
            { "timeZone": "Mars/Olympus",
              "versions": [ { "from": "2024-07-32", "hours": "Mo-Fr 25:00-26:00 x", "source": "" } ],
              "holidays": { "closeOn": ["libur"], "entries": [ { "date": "2024-01-01", "kind": "x", "name": "n" } ] },
              "specialPeriods": [ { "name": "R", "from": "2025-03-30", "to": "2025-03-01", "hours": "Mo-Fr 08:00-13:00" } ],
              "closures": [ { "date": "2024-12-31", "from": "2024-12-30", "reason": "x" } ] }
            """);
        var paths = problems.Select(p => p.Path).ToList();
        Assert.Contains("timeZone", paths);
        Assert.Contains("versions[0].from", paths);
        Assert.Contains("versions[0].hours", paths);
        Assert.Contains("versions[0].source", paths);
        Assert.Contains("holidays.closeOn[0]", paths);
        Assert.Contains("holidays.entries[0].kind", paths);
        Assert.Contains("specialPeriods[0].to", paths);
        Assert.Contains("closures[0]", paths);
    }

    [Fact]
    public void Parse_OverlappingSpecialPeriods_AreRefused()
    {
        var p = Single(Minimal.Replace("] }", """
            ], "specialPeriods": [
              { "name": "A", "from": "2025-03-01", "to": "2025-03-30", "hours": "Mo-Fr 08:00-13:00" },
              { "name": "B", "from": "2025-03-30", "to": "2025-04-05", "hours": "Mo-Fr 08:00-12:00" } ] }
            """));
        Assert.Equal("specialPeriods[1]", p.Path);
        Assert.Contains("overlaps specialPeriods[0]", p.Reason);
    }

    [Fact]
    public void Parse_DuplicateHolidayEntryDate_IsRefused()
    {
        var p = Single(Minimal.Replace("] }", """
            ], "holidays": { "entries": [
              { "date": "2028-01-01", "kind": "libur-nasional", "name": "Tahun Baru 2028" },
              { "date": "2028-01-01", "kind": "cuti-bersama", "name": "x" } ] } }
            """));
        Assert.Equal("holidays.entries[1].date", p.Path);
    }

    [Fact]
    public void Parse_RemoveAndEntries_MoveAHoliday()
    {
        // After a sidang isbat moves Idul Adha 2027 from 17 to 16 May.
        var s = Load(Minimal.Replace("] }", """
            ], "holidays": { "remove": ["2027-05-17"],
                             "entries": [ { "date": "2027-05-16", "kind": "libur-nasional", "name": "Idul Adha 1448 Hijriah", "source": "isbat" } ] } }
            """));
        Assert.Null(s.Holidays.Get(new LocalDate(2027, 5, 17)));
        Assert.Equal("isbat", s.Holidays.Get(new LocalDate(2027, 5, 16))!.Source);
        Assert.Equal(OpeningState.Open, s.Evaluate(Jakarta(2027, 5, 17, 9, 0)).State); // a Monday again
    }

    [Fact]
    public void Parse_RemoveDateNotInTable_IsRefused()
    {
        var p = Single(Minimal.Replace("] }", "], \"holidays\": { \"remove\": [\"2027-05-16\"] } }"));
        Assert.Equal("holidays.remove[0]", p.Path);
        Assert.Contains("not in the default table", p.Reason);
    }

    [Fact]
    public void Parse_EntryOnADefaultDate_ReplacesTheRow()
    {
        // Re-classify 26 December 2024 from cuti bersama to a local kind that does not close.
        var s = Load(Minimal.Replace("] }", """
            ], "holidays": { "localKinds": ["piket"],
                             "entries": [ { "date": "2024-12-26", "kind": "piket", "name": "Layanan piket" } ] } }
            """));
        Assert.Equal(OpeningState.Open, s.Evaluate(Jakarta(2024, 12, 26, 9, 0)).State);
        Assert.Equal("piket", s.Holidays.Get(new LocalDate(2024, 12, 26))!.Kind);
    }

    [Fact]
    public void Parse_ClosureWithHours_IsASpecialDayAboveHolidays()
    {
        var s = Load(Minimal.Replace("] }", """
            ], "closures": [
              { "date": "2024-06-17", "reason": "Layanan darurat Idul Adha", "hours": "08:00-10:00" },
              { "from": "2024-07-02", "to": "2024-07-03", "reason": "Pemadaman listrik" } ] }
            """));
        var special = s.Evaluate(Jakarta(2024, 6, 17, 9, 0)); // a national holiday, but the closure list wins
        Assert.Equal(OpeningState.Open, special.State);
        Assert.Equal(ScheduleReason.Special, special.Reason);
        Assert.Equal("Layanan darurat Idul Adha", special.Name);

        var closed = s.Evaluate(Jakarta(2024, 7, 3, 9, 0));
        Assert.Equal(ScheduleReason.Closure, closed.Reason);
        Assert.Equal("Pemadaman listrik", closed.Name);
        Assert.Equal(Jakarta(2024, 7, 2, 0, 0), closed.Since);
        Assert.Equal(Jakarta(2024, 7, 4, 8, 0), closed.OpensAt);
    }

    [Fact]
    public void Parse_PublicHolidayInExpression_UsesTheTable()
    {
        // PH matches libur-nasional only by default; cuti-bersama does not close here.
        var s = Load("""
            { "versions": [ { "from": "2024-01-01", "hours": "Mo-Fr 08:00-14:00; PH off \"libur\"", "source": "SK" } ],
              "holidays": { "closeOn": [] } }
            """);
        var ph = s.Evaluate(Jakarta(2024, 6, 17, 9, 0));
        Assert.Equal(OpeningState.Closed, ph.State);
        Assert.Equal(ScheduleReason.Regular, ph.Reason);
        Assert.Equal("libur", ph.Comment);
        Assert.Equal(OpeningState.Open, s.Evaluate(Jakarta(2024, 6, 18, 9, 0)).State);
    }

    [Fact]
    public void LoadFile_Missing_IsAProblem()
    {
        var result = ScheduleLoader.LoadFile("/nonexistent/schedule.json");
        Assert.False(result.Success);
        Assert.Contains("not found", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void LoadFile_Directory_IsAProblem()
    {
        var result = ScheduleLoader.LoadFile(Path.GetTempPath());
        Assert.Contains("directory", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void Parse_Null_IsAProblemNotAnException()
    {
        Assert.False(ScheduleLoader.Parse(null!).Success);
    }
}
