using System.Diagnostics;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Wording;
using NodaTime;

namespace MppSignage.Benchmarks.Schedule;

/// <summary>
/// Plain timing harness for the schedule layer (the opening_hours engine has its own benchmark):
/// load, first evaluation of a year, warm Evaluate, OpenIntervals for a week, a week's wording.
/// Run: dotnet run -c Release --project benchmarks/Schedule [-- path/to/schedule.json]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var path = args.Length > 0 ? args[0] : FindDefaultDocument();
        var json = File.ReadAllText(path);

        // Load (parse + validate + compile every expression).
        Measure("load document", 200, () => ScheduleLoader.Parse(json));

        var schedule = ScheduleLoader.Parse(json).Schedule ?? throw new InvalidOperationException("invalid document");
        var zone = schedule.Zone;
        var start = new LocalDateTime(2024, 1, 1, 0, 0).InZoneLeniently(zone).ToInstant();
        var span = Duration.FromDays(4 * 365);

        // Cold: a fresh schedule, one evaluation (builds the timelines of the years it touches).
        Measure("first Evaluate (cold schedule)", 50, () => ScheduleLoader.Parse(json).Schedule!.Evaluate(start + Duration.FromDays(200)));

        var random = new Random(1);
        var instants = Enumerable.Range(0, 100_000).Select(_ => start + Duration.FromMinutes(random.NextInt64((long)span.TotalMinutes))).ToArray();
        foreach (var t in instants.Take(2000))
        {
            schedule.Evaluate(t); // warm every year
        }

        var i = 0;
        Measure("Evaluate (warm, random instants 2024-2027)", instants.Length, () => schedule.Evaluate(instants[i++ % instants.Length]));
        i = 0;
        Measure("OpenIntervals (one week)", 20_000, () => schedule.OpenIntervals(instants[i], instants[i++ % instants.Length] + Duration.FromDays(7)));
        var words = Phrasebook.Indonesian(zone);
        var today = new LocalDate(2024, 7, 1);
        Measure("Days(7) + WeekSummary (Indonesian)", 20_000, () => words.WeekSummary(schedule.Days(today, 7).Select(d => d.ToDayHours())));
        Console.WriteLine($"({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription})");
        return 0;
    }

    private static void Measure(string name, int iterations, Func<object?> action)
    {
        for (var w = 0; w < Math.Min(iterations, 1000) / 10 + 1; w++)
        {
            action();
        }

        GC.Collect();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var k = 0; k < iterations; k++)
        {
            action();
        }

        sw.Stop();
        var per = sw.Elapsed.TotalMilliseconds * 1000 / iterations;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations;
        Console.WriteLine($"{name,-48} {per,10:F2} µs/op {1e6 / per,12:N0} op/s {bytes,8:N0} B/op");
    }

    private static string FindDefaultDocument()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "deploy-pi", "config", "schedule.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("deploy-pi/config/schedule.json not found; pass a path");
    }
}
