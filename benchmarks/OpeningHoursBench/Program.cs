using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MppSignage.Shared.OpeningHours;
using NodaTime;

// Benchmark of the opening_hours engine against opening_hours.js on the same expressions and instants,
// in the same run: parse, state and next-change rates and their ratio. Targets (issue 2): parse ≥ 100×,
// state and next change ≥ 10× the reference.
// Each figure is the best of several rounds; a round runs the reference (node, its own process) and then the
// engine, so the two never share the CPU and both see the same machine load over the run.
// Run: dotnet run -c Release --project benchmarks/OpeningHoursBench [-- --seconds 1 --rounds 3]

double seconds = Option("--seconds", 1.0);
int rounds = (int)Option("--rounds", 3);

string[] expressions =
[
    "Mo-Th 08:00-14:00; Fr 08:00-11:00",
    "Mo-Th 08:00-13:00; Fr 08:00-11:00; 2024 Jul 01-2099 Dec 31 Mo-Th 08:00-14:00",
    "Mo-Th 08:00-14:00; Fr 08:00-11:00; 2024 Apr 08-2024 Apr 15 off \"Idul Fitri 1445 H\"",
    "Mo-Th 08:00-14:00; Fr 08:00-11:00; 2025 Mar 01-2025 Mar 30 Mo-Th 08:00-13:00",
    "Mo-Fr 08:00-12:00,13:00-16:00; Fr[-1] off \"bersih-bersih\"",
    "10:00-14:00; 12:00-14:00 off",
    "22:00-02:00; Tu 12:00-14:00",
    "Mo-Fr 10:00-16:00; We 12:00-18:00",
    "Mo-Fr 10:00-16:00, We 12:00-18:00",
    "Mo,Th,Sa,Su 10:00-12:00",
    "Th,Sa-Mo 10:00-12:00",
    "We[4,5] 10:00-12:00",
    "We-Fr 10:00-24:00 open \"it is open\" || \"please call\"",
    "Mo-Fr 08:00-11:00 || Th-Sa 12:00-13:00 open \"Emergency only\"",
    "week 01,03 00:00-24:00",
    "week 02-52/2 Mo-Fr 09:00-17:00",
    "Nov-Feb 00:00-24:00",
    "Jan 23-Feb 12 00:00-24:00",
    "Dec 31-Jan 01",
    "17:00+",
    "13:00-17:00+",
    "Tu 23:59-48:00",
    "Su-Tu 11:00-01:00, We-Th 11:00-03:00, Fr 11:00-06:00, Sa 11:00-07:00",
    "24/7",
    "Mo-Sa 08:00-21:00; 2025 Jul 27-2025 Sep 24 off \"renovacija\"",
    "Jul-Aug Mo-Su 00:00-24:00",
    "2024-2026 Mo-Fr 07:30-15:30; Dec 24-26 off",
];

var random = new Random(2024);
LocalDateTime[] instants = Enumerable.Range(0, 200)
    .Select(_ => new LocalDate(2012, 1, 1).PlusDays(random.Next(19 * 365)).At(new LocalTime(random.Next(24), random.Next(60))))
    .ToArray();

string root = FindRoot();
string reference = Path.Combine(root, "tests", "reference", "node_modules", "opening_hours");
if (!Directory.Exists(reference))
{
    Console.Error.WriteLine($"opening_hours.js is missing ({reference}): run 'npm install' in tests/reference.");
    return 2;
}

string input = Path.Combine(Path.GetTempPath(), $"oh-bench-{Environment.ProcessId}.json");
File.WriteAllText(input, new JsonObject
{
    ["expressions"] = new JsonArray(expressions.Select(e => (JsonNode)e!).ToArray()),
    ["instants"] = new JsonArray(instants.Select(i => (JsonNode)i.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)!).ToArray()),
    ["seconds"] = seconds,
}.ToJsonString());

OpeningHoursExpression[] parsed = expressions.Select(e => OpeningHoursExpression.Parse(e).Expression ?? throw new InvalidOperationException(e)).ToArray();
int n = parsed.Length, m = instants.Length;
long sink = 0;
var best = new double[6]; // engine parse, state, next; reference parse, state, next
JsonNode? js = null;
string loadBefore = LoadAverage();
try
{
    for (int round = 0; round < rounds; round++)
    {
        js = RunNode(Path.Combine(root, "benchmarks", "OpeningHoursBench", "bench.js"), input);
        double[] figures =
        [
            Rate(i => sink += OpeningHoursExpression.Parse(expressions[i]).Success ? 1 : 0, n, seconds),
            Rate(i => sink += (int)parsed[i % n].GetState(instants[i / n % m]).State, n * m, seconds),
            Rate(i => sink += parsed[i % n].GetNextChange(instants[i / n % m]) is null ? 0 : 1, n * m, seconds),
            js["parse"]!.GetValue<double>(),
            js["state"]!.GetValue<double>(),
            js["nextChange"]!.GetValue<double>(),
        ];
        for (int k = 0; k < best.Length; k++)
        {
            best[k] = Math.Max(best[k], figures[k]);
        }
        Console.Error.WriteLine($"round {round + 1}/{rounds}: " + string.Join(" ", figures.Select(f => f.ToString("N0", CultureInfo.InvariantCulture))));
    }
}
finally
{
    File.Delete(input);
}

Console.WriteLine($"opening_hours engine vs opening_hours.js {js!["library"]} (node {js["node"]}): {n} expressions × {m} instants, best of {rounds} rounds of {seconds:0.#} s per figure");
Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}; load average before {loadBefore}, after {LoadAverage()}");
Console.WriteLine();
Console.WriteLine($"{"operation",-12} {"engine ops/s",14} {"reference ops/s",16} {"ratio",8} {"target",7}");
Row("parse", best[0], best[3], 100);
Row("state", best[1], best[4], 10);
Row("next change", best[2], best[5], 10);
GC.KeepAlive(sink);
return 0;

double Option(string name, double fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage()
{
    try
    {
        return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "n/a";
    }
}

static void Row(string name, double engine, double reference, double target)
{
    double ratio = engine / reference;
    Console.WriteLine($"{name,-12} {engine,14:N0} {reference,16:N0} {ratio,7:0.0}× {(ratio >= target ? "≥" : "<") + target + "×",7}");
}

static double Rate(Action<int> body, int count, double seconds)
{
    for (int i = 0; i < Math.Min(count, 20_000); i++)
    {
        body(i % count); // warm-up (tiered compilation)
    }
    var watch = Stopwatch.StartNew();
    long ops = 0;
    long limit = (long)(seconds * Stopwatch.Frequency);
    do
    {
        for (int k = 0; k < 200; k++)
        {
            body((int)(ops++ % count));
        }
    }
    while (watch.ElapsedTicks < limit);
    return ops / watch.Elapsed.TotalSeconds;
}

static JsonNode RunNode(string script, string input)
{
    var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    psi.ArgumentList.Add(script);
    psi.ArgumentList.Add(input);
    psi.Environment["TZ"] = "Asia/Jakarta";
    using Process process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
    Task<string> stderr = process.StandardError.ReadToEndAsync();
    string stdout = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"bench.js failed ({process.ExitCode}): {stderr.Result}");
    }
    return JsonNode.Parse(stdout) ?? throw new InvalidOperationException("bench.js printed nothing");
}

static string FindRoot()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
            {
                return dir.FullName;
            }
        }
    }
    throw new InvalidOperationException("run from inside the repository (MppSignage.sln not found)");
}
