using System.CommandLine;
using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Wire;
using NodaTime;

namespace MppSignage.Controller.Cli;

/// <summary>
/// <c>mpp-controller hours eval|check|state</c>: evaluate opening_hours expressions, validate a
/// schedule document, and show the full evaluation of a schedule at an instant.
/// Exit codes: 0 done, 1 invalid schedule document, 2 bad arguments, 3 internal error.
/// </summary>
public static class HoursVerb
{
    /// <summary>The <c>hours</c> command with its sub-verbs.</summary>
    public static Command Create() =>
        Create(static () => Console.OpenStandardInput(), static () => Console.OpenStandardOutput(), TimeProvider.System);

    /// <summary>For tests: standard input/output streams and the clock are passed in.</summary>
    internal static Command Create(Func<Stream> stdin, Func<Stream> stdout, TimeProvider clock)
    {
        var hours = new Command("hours", "Opening hours: evaluate expressions, check and query schedule documents.");
        hours.Action = new HoursAction("hours", _ =>
            throw new HoursUsageException("choose a sub-command: eval, check or state (see 'hours --help')"));
        hours.Subcommands.Add(CreateEval(stdin, stdout));
        hours.Subcommands.Add(CreateCheck(clock));
        hours.Subcommands.Add(CreateState(clock));
        return hours;
    }

    private static Command CreateEval(Func<Stream> stdin, Func<Stream> stdout)
    {
        var expr = new Option<string>("--expr") { Description = "opening_hours expression, e.g. \"Mo-Th 08:00-14:00; Fr 08:00-11:00\"", Arity = ArgumentArity.ZeroOrOne };
        var at = new Option<string>("--at") { Description = "instant: 2024-07-01T08:00:00+07:00, or local time 2024-07-01T08:00 (in --tz)", Arity = ArgumentArity.ZeroOrOne };
        var tz = new Option<string>("--tz") { Description = "tz database zone (default Asia/Jakarta)", Arity = ArgumentArity.ZeroOrOne };
        var jsonl = new Option<string>("--jsonl") { Description = "FILE or - (stdin): lines {\"expr\":…,\"at\":…[,\"tz\":…]}, one answer per line", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("eval", "Evaluate an opening_hours expression: {\"state\",\"comment\",\"nextChange\"} as one JSON line.")
        {
            expr, at, tz, jsonl,
        };
        cmd.Action = new HoursAction("hours eval", inv =>
        {
            var zone = inv.Zone(tz);
            var jsonlPath = inv.Value(jsonl, "a file of JSON lines, or - for standard input");
            if (jsonlPath is not null)
            {
                if (inv.ParseResult.GetResult(expr) is not null)
                {
                    throw new HoursUsageException("--expr: not used with --jsonl (each line gives its own \"expr\")");
                }

                if (inv.ParseResult.GetResult(at) is not null)
                {
                    throw new HoursUsageException("--at: not used with --jsonl (each line gives its own \"at\")");
                }

                return EvalLines(inv, jsonlPath, zone, stdin, stdout);
            }

            var exprText = inv.Required(expr, "an opening_hours expression (or --jsonl FILE)");
            var atText = inv.Required(at, HoursTime.Expected);
            if (!HoursTime.TryParseLocal(atText, zone, out var local))
            {
                throw new HoursUsageException($"--at: '{atText}' is not {HoursTime.Expected}");
            }

            var parsed = OpeningHoursExpression.Parse(exprText);
            if (parsed.Expression is not { } expression)
            {
                throw new HoursUsageException($"--expr: {parsed.Error?.ToString() ?? "invalid opening_hours"}");
            }

            inv.Output.WriteLine(HoursJson.ToText(w =>
                HoursJson.WriteEval(w, expression.GetState(local), expression.GetNextChange(local), zone)));
            return 0;
        });
        return cmd;
    }

    private static int EvalLines(HoursInvocation inv, string path, DateTimeZone zone, Func<Stream> stdin, Func<Stream> stdout)
    {
        Stream input;
        if (path == "-")
        {
            input = stdin();
        }
        else
        {
            try
            {
                input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new HoursUsageException($"--jsonl: cannot read '{path}': {ex.Message}");
            }
        }

        using (input)
        {
            // Bytes straight to standard output when that is where the invocation writes (fast,
            // no per-line console flush); otherwise through the invocation's writer (tests).
            IHoursLineSink sink = ReferenceEquals(inv.Output, Console.Out)
                ? new StreamLineSink(stdout())
                : new TextLineSink(inv.Output);
            new HoursJsonLines(zone).Run(input, sink);
        }

        return 0;
    }

    /// <summary>Loads a schedule document, or writes every problem as <c>FILE: path.to.field: reason</c> and returns null.</summary>
    private static Schedule? LoadOrReport(string path, TextWriter problems)
    {
        var result = ScheduleLoader.LoadFile(path);
        if (result.Schedule is null)
        {
            foreach (var p in result.Problems)
            {
                problems.WriteLine($"{path}: {p.Path}: {p.Reason}");
            }
        }

        return result.Schedule;
    }

    private static Command CreateCheck(TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "schedule document (JSON)", Arity = ArgumentArity.ZeroOrOne };
        var at = new Option<string>("--at") { Description = "show the week and changes from this instant instead of now", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("check", "Validate a schedule document; print the week in Indonesian and the next 10 changes, or every problem (exit 1).")
        {
            file, at,
        };
        cmd.Action = new HoursAction("hours check", inv =>
        {
            var path = inv.Required(file, "a schedule document, e.g. deploy-pi/config/schedule.json");
            var atText = inv.Value(at, HoursTime.Expected);
            if (LoadOrReport(path, inv.Output) is not { } schedule)
            {
                return 1;
            }

            var now = ResolveAt(atText, schedule.Zone, clock, "--at");
            HoursCheckReport.Write(inv.Output, path, schedule, now);
            return 0;
        });
        return cmd;
    }

    private static Command CreateState(TimeProvider clock)
    {
        var file = new Argument<string>("FILE") { Description = "schedule document (JSON)", Arity = ArgumentArity.ZeroOrOne };
        var at = new Option<string>("--at") { Description = "instant to evaluate (default: now); local times are in the schedule's zone", Arity = ArgumentArity.ZeroOrOne };
        var cmd = new Command("state", "Print the full evaluation of a schedule at an instant as one JSON line.")
        {
            file, at,
        };
        cmd.Action = new HoursAction("hours state", inv =>
        {
            var path = inv.Required(file, "a schedule document, e.g. deploy-pi/config/schedule.json");
            var atText = inv.Value(at, HoursTime.Expected);
            if (LoadOrReport(path, inv.Error) is not { } schedule)
            {
                return 1;
            }

            var instant = ResolveAt(atText, schedule.Zone, clock, "--at");
            var evaluation = schedule.Evaluate(instant);
            inv.Output.WriteLine(HoursJson.ToText(w => HoursJson.WriteState(w, schedule, instant, evaluation)));
            return 0;
        });
        return cmd;
    }

    private static Instant ResolveAt(string? text, DateTimeZone zone, TimeProvider clock, string optionName)
    {
        if (text is null)
        {
            return Instant.FromDateTimeOffset(clock.GetUtcNow());
        }

        if (!HoursTime.TryParseInstant(text, zone, out var instant))
        {
            throw new HoursUsageException($"{optionName}: '{text}' is not {HoursTime.Expected}");
        }

        var year = instant.InZone(zone).Year;
        if (year is < WireJson.MinYear or > WireJson.MaxYear)
        {
            throw new HoursUsageException($"{optionName}: year {year} is outside {WireJson.MinYear}-{WireJson.MaxYear}");
        }

        return instant;
    }
}
