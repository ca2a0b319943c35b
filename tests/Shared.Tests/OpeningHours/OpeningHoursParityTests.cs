using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MppSignage.Shared.OpeningHours;
using MppSignage.TestSupport;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>
/// Parity with opening_hours.js: thousands of seeded random expressions of the subset and instants are evaluated
/// by the reference (one node run of tests/reference/oh-eval.js) and by the engine; every field must agree.
/// </summary>
public sealed class OpeningHoursParityTests
{
    private const int Seed = 20240701;
    private const int ExpressionCount = 2000;
    private const int InstantsPerExpression = 2;

    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");
    private static readonly LocalDateTimePattern SecondPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss");
    private static readonly LocalDateTimePattern TablePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");
    private static readonly int[] BoundaryMinutes = [0, 1, 90, 120, 479, 480, 600, 719, 720, 780, 810, 1020, 1021, 1080, 1320, 1439];

    private sealed record Query(string Expr, LocalDateTime At, int Days, string? TableState = null, string? TableComment = null, string? TableNext = null);

    [Fact]
    public void RandomExpressions_AgreeWithOpeningHoursJs()
    {
        List<Query> queries = TableQueries().Concat(RandomQueries()).ToList();
        string file = Path.Combine(TempDir.Create("oh-parity"), "queries.jsonl");
        var sb = new StringBuilder();
        foreach (Query q in queries)
        {
            var line = new JsonObject { ["expr"] = q.Expr, ["at"] = Format(q.At) };
            if (q.Days > 0)
            {
                line["days"] = q.Days;
            }
            sb.Append(line.ToJsonString()).Append('\n');
        }
        File.WriteAllText(file, sb.ToString());
        string[] lines;
        try
        {
            lines = ReferenceRunner.Run(file);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("OH_PARITY_KEEP") is null)
            {
                File.Delete(file); // OH_PARITY_KEEP=1 keeps it for running oh-eval.js by hand
            }
        }
        Assert.Equal(queries.Count + 1, lines.Length);
        DictionaryHolidayCalendar holidays = Holidays(lines[0]);
        Assert.True(holidays.Count > 500, "the reference's holiday table came back nearly empty");

        var mismatches = new List<string>();
        int parsed = 0, refused = 0, compared = 0;
        var expressions = new Dictionary<string, OpeningHoursParseResult>();
        for (int i = 0; i < queries.Count; i++)
        {
            Query q = queries[i];
            JsonNode reference = JsonNode.Parse(lines[i + 1])!;
            if (!expressions.TryGetValue(q.Expr, out OpeningHoursParseResult? result))
            {
                expressions[q.Expr] = result = OpeningHoursExpression.Parse(q.Expr);
            }
            string where = $"'{q.Expr}' at {Format(q.At)}";
            if (reference["evalError"] is JsonNode evalError)
            {
                mismatches.Add($"{where}: the reference threw {evalError}");
                continue;
            }
            if (reference["error"] is not null)
            {
                refused++;
                if (result.Success)
                {
                    mismatches.Add($"{where}: the reference refuses it ({Short(reference["error"]!.GetValue<string>())}) but the engine parsed it");
                }
                continue;
            }
            if (!result.Success)
            {
                mismatches.Add($"{where}: the reference accepts it but the engine says {result.Error}");
                continue;
            }
            parsed++;
            OpeningHoursExpression e = result.Expression!;
            string refState = reference["state"]!.GetValue<string>();
            string? refComment = reference["comment"]?.GetValue<string>();
            string? refNext = reference["nextChange"]?.GetValue<string>();
            OpeningHoursResult state = e.GetState(q.At, holidays);
            LocalDateTime? next = e.GetNextChange(q.At, holidays);
            string myState = state.State.ToString().ToLowerInvariant();
            string? myNext = next is null ? null : MinutePattern.Format(next.Value);
            compared++;
            if (myState != refState || state.Comment != refComment || myNext != refNext)
            {
                mismatches.Add($"{where}: reference {refState}/{Quote(refComment)}/{refNext ?? "none"}, engine {myState}/{Quote(state.Comment)}/{myNext ?? "none"}");
            }
            if (q.TableState is not null && (refState != q.TableState || refComment != q.TableComment || refNext != q.TableNext?.Replace(' ', 'T')))
            {
                mismatches.Add($"{where}: the issue's table says {q.TableState}/{Quote(q.TableComment)}/{q.TableNext ?? "none"} but the reference says {refState}/{Quote(refComment)}/{refNext ?? "none"}");
            }
            if (reference["intervals"] is JsonArray refIntervals)
            {
                string mine = string.Join(" ", OpenIntervals(e, q.At, q.Days, holidays));
                string theirs = string.Join(" ", refIntervals.Select(x => $"[\"{x![0]!.GetValue<string>()}\" \"{x[1]!.GetValue<string>()}\" {((bool)x[2]! ? "unknown" : "open")} {Quote(x[3]?.GetValue<string>())}]"));
                if (mine != theirs)
                {
                    mismatches.Add($"{where}: open intervals over {q.Days} days differ:\n    reference {theirs}\n    engine    {mine}");
                }
            }
        }

        Assert.True(parsed > 1500, $"only {parsed} of {queries.Count} queries had a valid expression; the generator drifted");
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {queries.Count} queries differ from opening_hours.js ({compared} compared, {refused} refused by both); first ones:\n"
            + string.Join("\n", mismatches.Take(25)));
    }

    private static IEnumerable<Query> TableQueries()
    {
        MethodInfo method = typeof(OpeningHoursTableTests).GetMethod(nameof(OpeningHoursTableTests.Table_Case_MatchesReference))!;
        foreach (InlineDataAttribute row in method.GetCustomAttributes<InlineDataAttribute>())
        {
            object?[] data = row.GetData(method).Single();
            yield return new Query((string)data[0]!, TablePattern.Parse((string)data[1]!).Value, 3, (string)data[2]!, (string?)data[3], (string?)data[4]);
        }
    }

    private static IEnumerable<Query> RandomQueries()
    {
        // OH_PARITY_SEED=n explores other expressions by hand; the committed run uses the fixed seed.
        int seed = int.TryParse(Environment.GetEnvironmentVariable("OH_PARITY_SEED"), out int s) ? s : Seed;
        var generator = new ExpressionGenerator(seed);
        var r = new Random(seed + 1);
        for (int i = 0; i < ExpressionCount; i++)
        {
            string expr = generator.Next();
            for (int k = 0; k < InstantsPerExpression; k++)
            {
                var date = new LocalDate(2011 + r.Next(20), 1, 1).PlusDays(r.Next(366));
                int minute = r.Next(2) == 0 ? BoundaryMinutes[r.Next(BoundaryMinutes.Length)] : r.Next(1440);
                LocalDateTime at = date.At(new LocalTime(minute / 60, minute % 60, r.Next(10) == 0 ? 30 : 0));
                yield return new Query(expr, at, k == 0 ? 8 : 0);
            }
        }
    }

    private static IEnumerable<string> OpenIntervals(OpeningHoursExpression e, LocalDateTime from, int days, IHolidayCalendar holidays)
    {
        // The reference's getOpenIntervals: the open and unknown stretches, with the start and end cut to the range.
        foreach (OpeningHoursInterval i in e.GetIntervals(from, from.PlusDays(days), holidays))
        {
            if (i.State != OpeningState.Closed)
            {
                yield return $"[\"{Format(i.From)[..16]}\" \"{Format(i.To)[..16]}\" {i.State.ToString().ToLowerInvariant()} {Quote(i.Comment)}]";
            }
        }
    }

    private static DictionaryHolidayCalendar Holidays(string firstLine)
    {
        JsonArray list = JsonNode.Parse(firstLine)!["holidays"]!.AsArray();
        var days = new Dictionary<LocalDate, string>();
        foreach (JsonNode? entry in list)
        {
            LocalDate date = LocalDatePattern.Iso.Parse(entry![0]!.GetValue<string>()).Value;
            days[date] = entry[1]!.GetValue<string>();
        }
        return new DictionaryHolidayCalendar(days);
    }

    private static string Format(LocalDateTime t) => t.Second == 0 ? MinutePattern.Format(t) : SecondPattern.Format(t);

    private static string Quote(string? s) => s is null ? "null" : JsonSerializer.Serialize(s);

    private static string Short(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
