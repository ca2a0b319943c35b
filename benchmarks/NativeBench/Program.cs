using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace MppSignage.Benchmarks.NativeBench;

/// <summary>
/// Whole-process figures of the shipped executables (issue 13), ratios in one run:
/// cold <c>render</c> of a 1920×1080 status PNG vs headless Chromium on an equivalent page (wall, peak RSS);
/// <c>hours eval --jsonl</c> of 100,000 and 1,000,000 lines vs opening_hours.js (tests/reference/oh-eval.js);
/// <c>mpp-controller status</c> against a running controller (embedded broker); idle RSS and CPU of the
/// controller and the renderer (framebuffer output to a plain file, as on a Pi) over a window; change → pixels (see <see cref="Pixels"/>).
/// Usage: native-bench --controller PATH --signage PATH [--runs N] [--idle-seconds N] [--lines N,N] [--samples N] [--only render,hours,status,pixels]
/// [--bpp 16|32] (the framebuffer file's depth, 32 unless told) [--signage-options "--Display:FadeSteps=4 …"] (more renderer options for the idle window)
/// Peak RSS and wall time come from /usr/bin/time (GNU time: apt-get install time).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = RepoRoot();
        var controller = Arg(args, "--controller") ?? Path.Combine(root, "artifacts", "native", "controller", "mpp-controller");
        var signage = Arg(args, "--signage") ?? Path.Combine(root, "artifacts", "native", "signage", "mpp-signage");
        var runs = int.Parse(Arg(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
        var idleSeconds = int.Parse(Arg(args, "--idle-seconds") ?? "60", CultureInfo.InvariantCulture);
        var lineCounts = (Arg(args, "--lines") ?? "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        FramebufferBits = int.Parse(Arg(args, "--bpp") ?? "32", CultureInfo.InvariantCulture) is var bpp && bpp is 16 or 32 ? bpp : throw new ArgumentException("--bpp must be 16 or 32");
        var signageOptions = (Arg(args, "--signage-options") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var work = Directory.CreateTempSubdirectory("native-bench-").FullName;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"controller: {controller}\nsignage: {signage}");
        try
        {
            // --only render,hours,status,pixels runs a subset (status includes the idle window).
            var only = (Arg(args, "--only") ?? "render,hours,status,pixels").Split(',');
            if (only.Contains("render"))
            {
                Render(root, signage, work, runs);
            }

            if (only.Contains("hours"))
            {
                Hours(root, controller, work, lineCounts);
            }

            if (only.Contains("status"))
            {
                StatusAndIdle(root, controller, signage, work, runs, idleSeconds, signageOptions);
            }

            if (only.Contains("pixels"))
            {
                Pixels.Run(root, controller, signage, work, int.Parse(Arg(args, "--samples") ?? "200", CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    private static void Render(string root, string signage, string work, int runs)
    {
        var schedule = Path.Combine(root, "deploy-pi", "config", "schedule.json");
        var ours = Repeat(runs, () => Timed(signage, ["render", "--schedule", schedule, "--at", "2024-07-04T13:35+07:00",
            "--slide", "status", "--size", "1920x1080", "--out", Path.Combine(work, "status.png")]));
        Report("cold render 1920x1080 PNG (mpp-signage)", ours);
        if (!File.Exists("/usr/bin/chromium"))
        {
            Console.WriteLine("chromium: skipped (apt-get install chromium)");
            return;
        }

        // The same slide as a static page: gradient, headline, hours, countdown, footer (no web fonts, no network).
        var html = Path.Combine(work, "status.html");
        File.WriteAllText(html, """
            <!doctype html><html><head><meta charset="utf-8"><style>
            body{margin:0;width:1920px;height:1080px;background:linear-gradient(160deg,#0b6e4f,#073b2a);color:#fff;font-family:DejaVu Sans,sans-serif}
            h1{font-size:260px;margin:80px 120px 0}p{font-size:64px;margin:20px 120px}footer{position:absolute;bottom:40px;left:120px;font-size:40px}
            </style></head><body><h1>BUKA</h1><p>Hari ini 08.00–14.00 WIB</p><p>Tutup dalam 25 menit</p>
            <p>Mal Pelayanan Publik Kota Probolinggo</p><footer>Kamis, 4 Juli 2024 · 13.35 WIB</footer></body></html>
            """);
        var profile = Path.Combine(work, "chromium-profile");
        var chromium = Repeat(runs, () => Timed("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            $"--user-data-dir={profile}", "--window-size=1920,1080", $"--screenshot={Path.Combine(work, "chromium.png")}", $"file://{html}"]));
        Report("cold render 1920x1080 PNG (headless chromium)", chromium);
        Console.WriteLine($"render ratio: {Median(chromium, r => r.Seconds) / Median(ours, r => r.Seconds):F1}x faster (target >= 10x); " +
            $"peak RSS {Median(ours, r => r.PeakKb) / 1024.0:F1} MB vs chromium's largest process {Median(chromium, r => r.PeakKb) / 1024.0:F1} MB " +
            $"= 1/{Median(chromium, r => r.PeakKb) / Median(ours, r => r.PeakKb):F1} (target <= 1/5)");
    }

    private static void Hours(string root, string controller, string work, int[] lineCounts)
    {
        var reference = Path.Combine(root, "tests", "reference", "oh-eval.js");
        var haveNode = Directory.Exists(Path.Combine(root, "tests", "reference", "node_modules", "opening_hours"));
        string[] exprs = ["Mo-Th 08:00-14:00; Fr 08:00-11:00", "Mo-Fr 08:00-12:00,13:00-17:00; Sa 09:00-12:00", "24/7",
            "Mo-Su 07:00-22:00; Dec 25 off", "Tu,Th 10:00-18:00 \"janji temu\"", "Mo-Fr 09:00-17:00; PH off"];
        foreach (var n in lineCounts)
        {
            var input = Path.Combine(work, $"lines-{n}.jsonl");
            using (var w = new StreamWriter(input, false, new UTF8Encoding(false)))
            {
                var t = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
                for (var i = 0; i < n; i++)
                {
                    // Local wall times, the form both tools read; a few hundred distinct expressions with comments.
                    w.Write($"{{\"expr\":\"{exprs[i % exprs.Length].Replace("\"", "\\\"")}\",\"at\":\"{t.AddMinutes(i * 7L % 525_600):yyyy-MM-dd'T'HH:mm}\"}}\n");
                }
            }

            var ours = Timed(controller, ["hours", "eval", "--jsonl", input, "--tz", "Asia/Jakarta"], stdout: Path.Combine(work, "ours.out"));
            Report($"hours eval --jsonl {n:N0} lines (mpp-controller)", [ours]);
            if (!haveNode)
            {
                Console.WriteLine("opening_hours.js: skipped (npm ci in tests/reference)");
                continue;
            }

            var node = Timed("/usr/bin/env", ["TZ=Asia/Jakarta", "node", reference, input], stdout: Path.Combine(work, "node.out"));
            Report($"hours eval --jsonl {n:N0} lines (node oh-eval.js)", [node]);
            Console.WriteLine($"hours {n:N0} lines ratio: {node.Seconds / ours.Seconds:F1}x (target >= {(n >= 1_000_000 ? 10 : 3)}x)");
        }
    }

    private static void StatusAndIdle(string root, string controller, string signage, string work, int runs, int idleSeconds, string[] signageOptions)
    {
        var port = FreePort();
        var state = Directory.CreateDirectory(Path.Combine(work, "state")).FullName;
        var env = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" };
        using var ctrl = Start(controller, ["run", $"--Mqtt:Port={port}", "--Gpio:Driver=simulated", "--Gpio:Lcd:Enabled=false",
            $"--State:Directory={state}", "--Clock:AssumeSynchronized=true",
            $"--Schedule:File={Path.Combine(root, "deploy-pi", "config", "schedule.json")}"], env, Path.GetDirectoryName(controller)!);
        // The renderer as a Pi runs it: framebuffer output, a plain file standing in for /dev/fb0.
        Console.WriteLine($"renderer: framebuffer file {FramebufferBits} bpp, options: {(signageOptions.Length == 0 ? "the defaults" : string.Join(' ', signageOptions))}");
        using var rend = Start(signage, ["run", $"--Mqtt:Port={port}", .. FramebufferArgs(work, signageOptions)], env, Path.GetDirectoryName(signage)!);
        try
        {
            Thread.Sleep(3000);
            var status = Repeat(runs, () => Timed(controller, ["status", "-u", "screen", "-P", "screen-dev", "--port", port.ToString(CultureInfo.InvariantCulture)],
                env: env, cwd: Path.GetDirectoryName(controller)));
            Report("mpp-controller status (whole process, running controller)", status);
            Console.WriteLine($"status: median {Median(status, r => r.Seconds) * 1000:F0} ms (target <= 60 ms)");

            var (c0, r0) = (CpuTicks(ctrl.Id), CpuTicks(rend.Id));
            var sw = Stopwatch.StartNew();
            Thread.Sleep(TimeSpan.FromSeconds(idleSeconds));
            var hz = 100.0; // USER_HZ on Linux
            var cCpu = (CpuTicks(ctrl.Id) - c0) / hz / sw.Elapsed.TotalSeconds * 100;
            var rCpu = (CpuTicks(rend.Id) - r0) / hz / sw.Elapsed.TotalSeconds * 100;
            Console.WriteLine($"idle after {idleSeconds} s (+3 s start): controller RSS {RssMb(ctrl.Id):F1} MB, CPU {cCpu:F2} % of a core (targets <= 45 MB, <= 0.2 %; 10 min in the issue)");
            Console.WriteLine($"idle after {idleSeconds} s (+3 s start): renderer RSS {RssMb(rend.Id):F1} MB, CPU {rCpu:F2} % of a core (targets <= 60 MB, <= 0.2 %)");
        }
        finally
        {
            foreach (var p in new[] { rend, ctrl })
            {
                if (!p.HasExited)
                {
                    p.Kill();
                    p.WaitForExit(10_000);
                }
            }
        }
    }

    /// <summary>The depth of the framebuffer file the renderer writes (<c>--bpp</c>): 32, or 16 as many Pi setups run.</summary>
    internal static int FramebufferBits { get; private set; } = 32;

    /// <summary>Renderer options for framebuffer output to a plain file (<c>fb0</c>, 1920×1080, <see cref="FramebufferBits"/> bpp) with a fake sysfs directory.</summary>
    internal static string[] FramebufferArgs(string work, params string[] extra)
    {
        var sysfs = Directory.CreateDirectory(Path.Combine(work, "fbsys")).FullName;
        var stride = 1920 * FramebufferBits / 8;
        File.WriteAllText(Path.Combine(sysfs, "virtual_size"), "1920,1080\n");
        File.WriteAllText(Path.Combine(sysfs, "bits_per_pixel"), $"{FramebufferBits}\n");
        File.WriteAllText(Path.Combine(sysfs, "stride"), $"{stride}\n");
        var device = Path.Combine(work, "fb0");
        File.WriteAllBytes(device, new byte[stride * 1080]);
        return ["--Display:Output=framebuffer", $"--Display:Framebuffer={device}", $"--Display:FramebufferSysfs={sysfs}", $"--Posters:CacheDirectory={Path.Combine(work, "posters")}", .. extra];
    }

    private sealed record Run(double Seconds, long PeakKb, int ExitCode);

    private static Run Timed(string exe, string[] args, string? stdout = null, Dictionary<string, string>? env = null, string? cwd = null)
    {
        var timeFile = Path.GetTempFileName();
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (cwd is not null)
        {
            psi.WorkingDirectory = cwd;
        }

        foreach (var a in (string[])["-o", timeFile, "-f", "%e %M", exe, .. args])
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? [])
        {
            psi.Environment[k] = v;
        }

        // Wall time by Stopwatch (1 µs), not /usr/bin/time's %e (10 ms steps); %M still gives the peak RSS.
        var wall = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        using (var sink = stdout is null ? Stream.Null : File.Create(stdout))
        {
            p.StandardOutput.BaseStream.CopyTo(sink);
        }

        p.WaitForExit();
        wall.Stop();
        var parts = File.ReadAllLines(timeFile).Last().Split(' ');
        File.Delete(timeFile);
        if (p.ExitCode != 0)
        {
            Console.WriteLine($"  ! {Path.GetFileName(exe)} exited {p.ExitCode}: {errTask.Result.Trim().Split('\n').LastOrDefault()}");
        }

        return new Run(wall.Elapsed.TotalSeconds, long.Parse(parts[1], CultureInfo.InvariantCulture), p.ExitCode);
    }

    internal static Process Start(string exe, string[] args, Dictionary<string, string> env, string cwd)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = cwd };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static long CpuTicks(int pid)
    {
        // /proc/PID/stat: fields 14 and 15 (utime, stime) after the parenthesised name.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
    }

    private static double RssMb(int pid) =>
        File.ReadAllLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0).First();

    private static List<Run> Repeat(int n, Func<Run> run)
    {
        run(); // warm the page cache: the figures are of a started board, not of a cold disk
        return [.. Enumerable.Range(0, n).Select(_ => run())];
    }

    private static void Report(string what, List<Run> runs) =>
        Console.WriteLine($"{what}: median {Median(runs, r => r.Seconds) * 1000:F0} ms, peak RSS {Median(runs, r => r.PeakKb) / 1024.0:F1} MB ({runs.Count} runs)");

    private static double Median(List<Run> runs, Func<Run, double> f)
    {
        var v = runs.Select(f).Order().ToArray();
        return v[v.Length / 2];
    }

    internal static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static string? Arg(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    internal static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "MppSignage.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? Directory.GetCurrentDirectory();
    }
}
