using System.Text.Json;
using MppSignage.TestSupport;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>The hours verb called in-process (output captured).</summary>
public sealed class HoursVerbTests : IDisposable
{
    private readonly string _dir = TempDir.Create("hours-cli");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    // Rows of the issue's table (expected values are opening_hours.js's answers).
    [InlineData("10:00-14:00; 12:00-14:00 off", "2012-10-01T11:59", "{\"state\":\"open\",\"comment\":null,\"nextChange\":\"2012-10-01T12:00:00+07:00\"}")]
    [InlineData("We-Fr 10:00-24:00 open \"it is open\" || \"please call\"", "2012-10-01T09:00", "{\"state\":\"unknown\",\"comment\":\"please call\",\"nextChange\":\"2012-10-03T10:00:00+07:00\"}")]
    [InlineData("17:00+", "2012-10-01T18:00", "{\"state\":\"unknown\",\"comment\":\"Specified as open end. Closing time was guessed.\",\"nextChange\":\"2012-10-02T03:00:00+07:00\"}")]
    [InlineData("24/7", "2025-01-01T00:00", "{\"state\":\"open\",\"comment\":null,\"nextChange\":null}")]
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00", "2024-07-01T07:59", "{\"state\":\"closed\",\"comment\":null,\"nextChange\":\"2024-07-01T08:00:00+07:00\"}")]
    [InlineData("Mo-Th 08:00-14:00; Fr 08:00-11:00", "2024-07-05T11:00", "{\"state\":\"closed\",\"comment\":null,\"nextChange\":\"2024-07-08T08:00:00+07:00\"}")]
    public void Eval_TableCases_PrintOneJsonLine(string expr, string at, string expected)
    {
        var r = HoursCli.Run("hours", "eval", "--expr", expr, "--at", at);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected + Environment.NewLine, r.Output);
        Assert.Empty(r.Error);
    }

    [Theory]
    [InlineData("2024-07-01T07:59:00+07:00")]   // offset of the zone
    [InlineData("2024-07-01T00:59Z")]           // UTC
    [InlineData("2024-07-01T09:59+09:00")]      // another offset, same instant
    [InlineData("2024-07-01 07:59")]            // local, with a space
    public void Eval_AtWithOrWithoutOffset_IsTheSameInstant(string at)
    {
        var r = HoursCli.Run("hours", "eval", "--expr", "Mo-Th 08:00-14:00", "--at", at);
        Assert.Equal("{\"state\":\"closed\",\"comment\":null,\"nextChange\":\"2024-07-01T08:00:00+07:00\"}", r.Output.Trim());
    }

    [Fact]
    public void Eval_Tz_InterpretsLocalTimeAndWritesItsOffset()
    {
        // 07:30 in Makassar (WITA, +08:00).
        var local = HoursCli.Run("hours", "eval", "--expr", "Mo-Th 08:00-14:00", "--at", "2024-07-01T07:30", "--tz", "Asia/Makassar");
        Assert.Equal("{\"state\":\"closed\",\"comment\":null,\"nextChange\":\"2024-07-01T08:00:00+08:00\"}", local.Output.Trim());

        // 07:30 WIB is 08:30 WITA: open in Makassar.
        var instant = HoursCli.Run("hours", "eval", "--expr", "Mo-Th 08:00-14:00", "--at", "2024-07-01T07:30+07:00", "--tz", "Asia/Makassar");
        Assert.StartsWith("{\"state\":\"open\"", instant.Output);
    }

    [Theory]
    [InlineData(new[] { "--at", "2024-07-01T08:00" }, "--expr: required")]
    [InlineData(new[] { "--expr", "Mo-Fr 08:00-14:00" }, "--at: required")]
    [InlineData(new[] { "--expr", "Mo-Fr 08:00-14:00", "--at" }, "--at: missing value")]
    [InlineData(new[] { "--expr", "Mo-Fr 08:00-14:00", "--at", "1 Juli 2024" }, "--at: '1 Juli 2024' is not an ISO 8601 time")]
    [InlineData(new[] { "--expr", "Mo-Fr 08:00-14:00", "--at", "2024-07-01T08:00", "--tz", "Asia/Jakata" }, "--tz: unknown time zone 'Asia/Jakata'")]
    [InlineData(new[] { "--expr", "Mo-Fr 08:00-1400", "--at", "2024-07-01T08:00" }, "--expr: at 12: expected a time like 08:00")]
    [InlineData(new[] { "--expr", "Mo", "--at", "2024-07-01T08:00", "--at", "2024-07-02T08:00" }, "--at: given more than once")]
    [InlineData(new[] { "--expr", "Mo", "--at", "2024-07-01T08:00", "--verbose" }, "unknown option '--verbose'")]
    [InlineData(new[] { "--jsonl", "-", "--expr", "Mo" }, "--expr: not used with --jsonl")]
    [InlineData(new[] { "--jsonl", "/nonexistent/lines.jsonl" }, "--jsonl: cannot read '/nonexistent/lines.jsonl'")]
    public void Eval_BadArguments_Exit2NamingTheOption(string[] args, string message)
    {
        var r = HoursCli.Run(["hours", "eval", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Output);
        Assert.StartsWith("hours eval: ", r.Error);
        Assert.Contains(message, r.Error);
        Assert.DoesNotContain("   at ", r.Error); // no stack trace
    }

    [Fact]
    public void Hours_WithoutSubcommand_Exit2()
    {
        var r = HoursCli.Run("hours");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("eval, check or state", r.Error);
    }

    [Fact]
    public void EvalJsonl_File_OneAnswerPerLineInOrderAndCarriesOn()
    {
        var file = Path.Combine(_dir, "lines.jsonl");
        File.WriteAllText(file, string.Join("\n",
            "{\"expr\":\"Mo-Th 08:00-14:00; Fr 08:00-11:00\",\"at\":\"2024-07-04T13:59\"}",
            "not json",
            "{\"expr\":\"Mo-Th 08:00-1400\",\"at\":\"2024-07-04T13:59\"}",
            "{\"expr\":\"24/7\",\"at\":\"2025-01-01T00:00\",\"tz\":\"Asia/Jayapura\",\"id\":42}",
            "",
            "{\"expr\":\"Mo-Th 08:00-14:00\",\"at\":\"yesterday\"}",
            "{\"expr\":\"Mo-Fr 08:00-12:00,13:00-16:00; Fr[-1] off \\\"bersih-bersih\\\"\",\"at\":\"2024-07-26T09:00:00+07:00\"}") + "\r\n");
        var r = HoursCli.Run("hours", "eval", "--jsonl", file);
        Assert.Equal(0, r.ExitCode);
        var lines = r.Lines;
        Assert.Equal(7, lines.Length);
        Assert.Equal("{\"state\":\"open\",\"comment\":null,\"nextChange\":\"2024-07-04T14:00:00+07:00\"}", lines[0]);
        Assert.StartsWith("{\"error\":\"line 2: not valid JSON", lines[1]);
        Assert.Equal("{\"error\":\"line 3: \\\"expr\\\": at 12: expected a time like 08:00\"}", lines[2]);
        Assert.Equal("{\"state\":\"open\",\"comment\":null,\"nextChange\":null}", lines[3]);
        Assert.StartsWith("{\"error\":\"line 5: empty line", lines[4]);
        Assert.StartsWith("{\"error\":\"line 6: \\\"at\\\": 'yesterday'", lines[5]);
        Assert.Equal("{\"state\":\"closed\",\"comment\":\"bersih-bersih\",\"nextChange\":\"2024-07-29T08:00:00+07:00\"}", lines[6]);
        foreach (var line in lines)
        {
            using var _ = JsonDocument.Parse(line); // every output line is JSON
        }
    }

    [Fact]
    public void EvalJsonl_Stdin_ManyLines()
    {
        var input = string.Join("\n", Enumerable.Range(0, 500).Select(i =>
            $"{{\"expr\":\"Mo-Th 08:00-14:00; Fr 08:00-11:00\",\"at\":\"2024-07-01T{i % 24:00}:00\"}}"));
        var r = HoursCli.RunWith(input, null, "hours", "eval", "--jsonl", "-");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Lines;
        Assert.Equal(500, lines.Length);
        Assert.Equal("{\"state\":\"open\",\"comment\":null,\"nextChange\":\"2024-07-01T14:00:00+07:00\"}", lines[9]);   // 09:00
        Assert.Equal("{\"state\":\"closed\",\"comment\":null,\"nextChange\":\"2024-07-02T08:00:00+07:00\"}", lines[14]); // 14:00
    }

    [Fact]
    public void Check_DefaultDocument_PrintsTheWeekInIndonesianAndTenChanges()
    {
        var r = HoursCli.Run("hours", "check", HoursCli.DefaultDocument, "--at", "2024-06-14T10:00+07:00");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(": valid", r.Lines[0]);
        Assert.Contains("  Senin\u2013Kamis 08.00\u201313.00 WIB", r.Lines);    // the hours in force on 14 June 2024
        Assert.Contains("  Senin\u2013Kamis 08.00\u201314.00 WIB", r.Lines);    // the decree from 1 July 2024
        Assert.Contains("  Jumat 08.00\u201311.00 WIB", r.Lines);
        Assert.Contains("  Sabtu\u2013Minggu tutup", r.Lines);
        Assert.Contains("  Senin, 17 Juni 2024: tutup (Hari Raya Idul Adha 1445 Hijriah)", r.Lines);
        var changes = r.Lines.SkipWhile(l => !l.StartsWith("10 perubahan berikutnya", StringComparison.Ordinal)).Skip(1).ToArray();
        Assert.Equal(10, changes.Length);
        Assert.Equal("  Jumat, 14 Juni 2024 \u00B7 11.00 WIB: tutup", changes[0]);
        Assert.Equal("  Senin, 17 Juni 2024 \u00B7 00.00 WIB: tutup, libur: Hari Raya Idul Adha 1445 Hijriah", changes[1]);
        Assert.Equal("  Rabu, 19 Juni 2024 \u00B7 00.00 WIB: tutup", changes[2]);
        Assert.Equal("  Rabu, 19 Juni 2024 \u00B7 08.00 WIB: buka", changes[3]);
    }

    [Fact]
    public void Check_InvalidDocument_PrintsEveryProblemWithFileAndPath_Exit1()
    {
        var file = Path.Combine(_dir, "schedule.json");
        File.WriteAllText(file, """
            { "versions": [ { "from": "2024-07-01", "hours": "Mo-Th 08:00-14:00", "source": "A" },
                            { "from": "2024-06-01", "hours": "Mo-Th 08:00-15:00", "source": "B" } ],
              "holidays": { "entries": [ { "date": "2025-13-01", "kind": "libur-daerah", "name": "x" } ] } }
            """);
        var r = HoursCli.Run("hours", "check", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(
            [
                $"{file}: versions[1].from: overlapping version: 2024-06-01 is before versions[0].from 2024-07-01; list versions oldest first",
                $"{file}: holidays.entries[0].date: '2025-13-01' is not a date; expected YYYY-MM-DD, e.g. 2024-07-01",
                $"{file}: holidays.entries[0].kind: unknown holiday kind 'libur-daerah'; known kinds: libur-nasional, cuti-bersama (declare a local kind in holidays.localKinds)",
            ],
            r.Lines);
    }

    [Fact]
    public void Check_MissingFile_Exit1()
    {
        var r = HoursCli.Run("hours", "check", "/nonexistent/schedule.json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("/nonexistent/schedule.json: $: file '/nonexistent/schedule.json' not found", r.Output.Trim());
    }

    [Fact]
    public void Check_NoFile_Exit2()
    {
        var r = HoursCli.Run("hours", "check");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("FILE: required", r.Error);
    }

    [Fact]
    public void State_Holiday_FullEvaluationJson()
    {
        var r = HoursCli.Run("hours", "state", HoursCli.DefaultDocument, "--at", "2025-08-18T10:00:00+07:00");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        var root = doc.RootElement;
        Assert.Equal("closed", root.GetProperty("state").GetString());
        Assert.Equal("holiday", root.GetProperty("reason").GetString());
        Assert.Equal("HUT ke-80 Kemerdekaan Republik Indonesia", root.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("comment").ValueKind);
        Assert.Equal("2025-08-18T00:00:00+07:00", root.GetProperty("since").GetString()); // Sunday 17 is another holiday (another name)
        Assert.Equal("2025-08-19T08:00:00+07:00", root.GetProperty("opensAt").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("closesAt").ValueKind);
        Assert.Equal(0, root.GetProperty("todayHours").GetArrayLength());
        Assert.Equal("SKB 933/2025; 1/2025; 3/2025", root.GetProperty("source").GetString());
    }

    [Fact]
    public void State_Open_HasClosesAtAndTodayHours()
    {
        var r = HoursCli.Run("hours", "state", HoursCli.DefaultDocument, "--at", "2024-07-01T13:30");
        Assert.Equal(
            "{\"at\":\"2024-07-01T13:30:00+07:00\",\"state\":\"open\",\"reason\":\"regular\",\"name\":null,\"comment\":null,"
            + "\"since\":\"2024-07-01T08:00:00+07:00\",\"nextChange\":\"2024-07-01T14:00:00+07:00\",\"closesAt\":\"2024-07-01T14:00:00+07:00\","
            + "\"opensAt\":null,\"todayHours\":[\"08:00-14:00\"],\"source\":\"SK DPMPTSP Kota Probolinggo No. 500.16.7.2/290/425.117/2024\",\"timeZone\":\"Asia/Jakarta\"}",
            r.Output.Trim());
    }

    [Fact]
    public void State_WithoutAt_UsesTheClock()
    {
        // 17 June 2024 03:00 UTC = 10:00 WIB, Idul Adha.
        var r = HoursCli.RunWith(null, new DateTimeOffset(2024, 6, 17, 3, 0, 0, TimeSpan.Zero), "hours", "state", HoursCli.DefaultDocument);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"at\":\"2024-06-17T10:00:00+07:00\"", r.Output);
        Assert.Contains("\"reason\":\"holiday\"", r.Output);
    }

    [Fact]
    public void State_InvalidDocument_ProblemsOnStderr_Exit1()
    {
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, "{ \"versions\": [] }");
        var r = HoursCli.Run("hours", "state", file, "--at", "2024-07-01T08:00");
        Assert.Equal(1, r.ExitCode);
        Assert.Empty(r.Output);
        Assert.Equal($"{file}: versions: empty; give at least one version of the regular hours", r.Error.Trim());
    }
}
