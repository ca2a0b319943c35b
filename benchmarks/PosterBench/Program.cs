using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using MppSignage.Imaging;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Posters;
using MppSignage.SignageRenderer.Text;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using NodaTime;
using SkiaSharp;

namespace MppSignage.Benchmarks.PosterBench;

/// <summary>
/// Poster figures (issue 12 item 9): decode + fit of a 24 MP JPEG to 1080p (time and peak memory, each case in a
/// fresh child process so its peak is its own), a warm poster slide render, and the peak RSS of a real renderer
/// process with 20 posters in rotation (an in-process MQTT broker serving the retained announcements and assets).
/// Usage: poster-bench [--runs N] [--iterations N] [--rotation-seconds S] [--renderer PATH] [--only decode|warm|rss]; poster-bench --sample FILE.jpg|FILE.png writes a sample poster (an infografis)
/// </summary>
public static class Program
{
    private const string Site = "probolinggo";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "--child")
        {
            return Child(args[1], args[2]);
        }

        if (args.Length >= 2 && args[0] == "--sample")
        {
            // A sample poster JPEG (A4 at 150 dpi, an infografis) for trying `announce add --image` by hand.
            var png = args[1].EndsWith(".png", StringComparison.OrdinalIgnoreCase);
            var sample = SamplePoster.Encode(1240, 1754, png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg);
            File.WriteAllBytes(args[1], sample);
            Console.WriteLine($"wrote {args[1]} (1240x1754 {(png ? "PNG" : "JPEG")}, {sample.Length / 1024} KiB)");
            return 0;
        }

        var runs = Arg(args, "--runs", 7);
        var iterations = Arg(args, "--iterations", 200);
        var rotationSeconds = Arg(args, "--rotation-seconds", 75);
        var only = ArgText(args, "--only");
        var root = RepoRoot();
        var renderer = ArgText(args, "--renderer") ?? Path.Combine(root, "SignageRenderer", "bin", "Release", "net10.0", "mpp-signage");
        var work = Directory.CreateTempSubdirectory("poster-bench-").FullName;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load {Load()}");
        try
        {
            if (only is null or "decode")
            {
                Decode(work, runs);
            }

            if (only is null or "warm")
            {
                Warm(iterations);
            }

            if (only is null or "rss")
            {
                await RotationRssAsync(renderer, work, rotationSeconds);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return 0;
    }

    /// <summary>24 MP JPEG → 1080p: the controller's processing and the renderer's decode, each run in its own process.</summary>
    private static void Decode(string work, int runs)
    {
        var source = Path.Combine(work, "photo-24mp.jpg");
        File.WriteAllBytes(source, Poster(6000, 4000, 1, SKEncodedImageFormat.Jpeg, 90));
        var processed = ImageProcessor.Process(File.ReadAllBytes(source)).Image ?? throw new InvalidOperationException("the 24 MP JPEG was refused");
        var asset = Path.Combine(work, "processed.jpg");
        File.WriteAllBytes(asset, processed.Bytes);
        Console.WriteLine($"input: 6000x4000 JPEG q90, {new FileInfo(source).Length / 1024} KB; processed: {processed.Width}x{processed.Height} {processed.Format}, {processed.Bytes.Length / 1024} KB");
        foreach (var (mode, file, what) in new[]
        {
            ("process", source, "controller: ImageProcessor.Process 24 MP JPEG -> 1920x1080 JPEG (decode, fit, re-encode)"),
            ("decode", source, "renderer: PosterDecoder.Decode 24 MP JPEG -> 1920x1080 contain"),
            ("decode", asset, "renderer: PosterDecoder.Decode processed 1080p JPEG -> 1920x947 (poster area)"),
        })
        {
            var ms = new List<double>();
            var extra = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var output = RunSelf(mode, file);
                var parts = output.Trim().Split(' ');
                ms.Add(double.Parse(parts[0], CultureInfo.InvariantCulture));
                extra.Add(double.Parse(parts[2], CultureInfo.InvariantCulture));
            }

            ms.Sort();
            extra.Sort();
            Console.WriteLine($"{what}: median {ms[ms.Count / 2]:F0} ms (min {ms[0]:F0}, max {ms[^1]:F0}, {runs} fresh processes); peak RSS above the process's own baseline: median {extra[extra.Count / 2]:F1} MB, max {extra[^1]:F1} MB");
        }
    }

    /// <summary>One measured operation in this (fresh) process: prints "ms peakMB extraMB".</summary>
    private static int Child(string mode, string file)
    {
        var bytes = File.ReadAllBytes(file);
        // Load Skia's codecs on a tiny image first, so the baseline holds the native library and not the work.
        using (var tiny = PosterDecoder.Decode(Poster(64, 64, 2, SKEncodedImageFormat.Jpeg, 80), 32, 32, PosterFit.Contain))
        {
        }

        ImageProcessor.Process(Poster(64, 64, 3, SKEncodedImageFormat.Jpeg, 80));
        GC.Collect();
        var baseline = Status("VmRSS");
        var sw = Stopwatch.StartNew();
        if (mode == "process")
        {
            var result = ImageProcessor.Process(bytes);
            if (!result.Ok)
            {
                throw new InvalidOperationException(result.Refusal!.Reason);
            }
        }
        else
        {
            var area = file.EndsWith("processed.jpg", StringComparison.Ordinal) ? (1920, 947) : (1920, 1080);
            using var result = PosterDecoder.Decode(bytes, area.Item1, area.Item2, PosterFit.Contain);
            if (!result.Ok)
            {
                throw new InvalidOperationException(result.Refusal!.Reason);
            }
        }

        var ms = sw.Elapsed.TotalMilliseconds;
        var peak = Status("VmHWM");
        Console.WriteLine(FormattableString.Invariant($"{ms:F1} {peak / 1024.0:F1} {(peak - baseline) / 1024.0:F1}"));
        return 0;
    }

    /// <summary>A poster slide drawn again and again (decoded posters cached, as on screen): layout + draw, no decode.</summary>
    private static void Warm(int iterations)
    {
        using var fonts = FontSet.Load("DejaVu Sans", "Display:Font");
        using var fitter = new TextFitter(fonts);
        var dir = Directory.CreateTempSubdirectory("poster-bench-warm-").FullName;
        try
        {
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
            var disk = new PosterAssetCache(dir, 64L << 20, 10, time, NullLogger.Instance);
            using var library = new PosterLibrary(disk, 3, NullLogger.Instance);
            var slides = new List<PosterSlideModel>();
            for (var i = 0; i < 2; i++)
            {
                var bytes = ImageProcessor.Process(Poster(1080, 1350, 10 + i, SKEncodedImageFormat.Jpeg, 90)).Image!.Bytes;
                var sha = PosterImage.Sha256Of(bytes);
                disk.Put(sha, bytes, new HashSet<string>());
                slides.Add(new PosterSlideModel(new PosterImage(sha), new LocalizedText("Layanan KTP elektronik di loket 5"), new LocalizedText("Perekaman setiap hari kerja 08.00–12.00 WIB."), new QrItem("https://mpp.probolinggokota.go.id/ktp", null, null), false));
            }

            var geometry = new ScreenGeometry(1920, 1080);
            using var renderer = new FrameRenderer(geometry, new FrameLayouter(fitter, true, library), new FramePainter(fitter));
            var footer = new SignageSlides(DateTimeZoneProviders.Tzdb["Asia/Jakarta"]).Footer(Instant.FromUtc(2026, 12, 1, 2, 0), null);
            for (var i = 0; i < 20; i++)
            {
                renderer.Render(slides[i % 2], footer, null);
            }

            var decodes = library.Decodes;
            var draws = renderer.FullDraws;
            var ms = new List<double>();
            for (var i = 0; i < iterations; i++)
            {
                var sw = Stopwatch.StartNew();
                renderer.Render(slides[i % 2], footer, null);
                ms.Add(sw.Elapsed.TotalMilliseconds);
            }

            ms.Sort();
            Console.WriteLine($"warm 1920x1080 poster slide (caption band + QR, poster decoded once): median {ms[ms.Count / 2]:F2} ms, p95 {ms[(int)(ms.Count * 0.95)]:F2} ms ({renderer.FullDraws - draws} full redraws, {library.Decodes - decodes} decodes during them)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A real renderer process showing 20 posters in rotation; its RSS sampled every 100 ms and its VmHWM at the end.</summary>
    private static async Task RotationRssAsync(string renderer, string work, int seconds)
    {
        if (!File.Exists(renderer) && !File.Exists(renderer + ".dll"))
        {
            Console.WriteLine($"renderer RSS: skipped, {renderer} not found (dotnet build SignageRenderer -c Release, or --renderer PATH)");
            return;
        }

        var port = FreePort();
        var factory = new MqttServerFactory();
        using var server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder().WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(port).Build());
        await server.StartAsync();
        var topics = new Topics(Site);
        var items = new List<Announcement>();
        long assetBytes = 0;
        for (var i = 0; i < 20; i++)
        {
            // Posters as halls make them: portrait A4 exports and landscape photos, processed as the controller does.
            var source = i % 2 == 0 ? Poster(2480, 3508, 100 + i, SKEncodedImageFormat.Jpeg, 90) : Poster(4000, 3000, 100 + i, SKEncodedImageFormat.Jpeg, 90);
            var processed = ImageProcessor.Process(source).Image!;
            assetBytes += processed.Bytes.Length;
            await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
                .WithTopic(topics.Asset(processed.Sha256)).WithPayload(processed.Bytes).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
            var json = $$"""{"id":"poster-{{i:D2}}","kind":"image","image":{"sha256":"{{processed.Sha256}}","fit":"{{(i % 4 == 1 ? "cover" : "contain")}}"},"title":"Poster {{i + 1}}","seconds":3}""";
            items.Add(AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(json)).Announcement ?? throw new InvalidOperationException(json));
        }

        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder()
            .WithTopic(topics.Announcements).WithPayload(AnnouncementJson.SerializeList(items)).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
        Console.WriteLine($"rotation: 20 posters ({assetBytes / 1024} KB of processed assets), 3 s each, {seconds} s run");

        var exe = File.Exists(renderer) ? renderer : "dotnet";
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var kv in Environment.GetEnvironmentVariable("POSTER_BENCH_RENDERER_ENV")?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            psi.Environment[kv[..kv.IndexOf('=')]] = kv[(kv.IndexOf('=') + 1)..];
        }

        if (exe == "dotnet")
        {
            psi.ArgumentList.Add(renderer + ".dll");
        }

        foreach (var a in new[]
        {
            "run", $"--Site:Id={Site}", $"--Mqtt:Port={port}", "--Mqtt:Username=screen", "--Mqtt:Password=bench",
            "--Display:Output=png", $"--Display:PngPath={Path.Combine(work, "frame.png")}", $"--Posters:CacheDirectory={Path.Combine(work, "posters")}",
            "--Rotation:StatusSeconds=3", "--Rotation:StatusEvery=20", "--Rotation:ShowHours=false", "--Rotation:ShowQr=false",
            "--Logging:LogLevel:MppSignage.SignageRenderer.Service.RenderService=Debug",
        })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("renderer did not start");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
                var at = line.IndexOf("Slide announcement:poster-", StringComparison.Ordinal);
                if (at >= 0)
                {
                    shown.Add(line.Substring(at + "Slide announcement:".Length, "poster-00".Length));
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var samples = new List<long>();
        var end = Stopwatch.StartNew();
        while (end.Elapsed < TimeSpan.FromSeconds(seconds) && !process.HasExited)
        {
            if (StatusOf(process.Id, "VmRSS") is { } rss)
            {
                samples.Add(rss);
                if (Environment.GetEnvironmentVariable("POSTER_BENCH_TRACE") == "1" && (samples.Count % 10 == 0 || rss > 110 * 1024))
                {
                    Console.WriteLine($"  t={end.Elapsed.TotalSeconds:F1}s rss={rss / 1024.0:F1} MB shown={shown.Count}");
                }
            }

            await Task.Delay(100);
        }

        var hwm = StatusOf(process.Id, "VmHWM") ?? 0;
        if (Environment.GetEnvironmentVariable("POSTER_BENCH_SMAPS") == "1")
        {
            Console.WriteLine(File.ReadAllText($"/proc/{process.Id}/smaps_rollup"));
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await server.StopAsync();
        samples.Sort();
        int count;
        lock (lines)
        {
            count = shown.Count;
        }

        if (samples.Count == 0)
        {
            Console.WriteLine("renderer RSS: no samples (the renderer exited): " + string.Join('\n', lines.TakeLast(20)));
            return;
        }

        Console.WriteLine($"renderer RSS with 20 posters in rotation: peak (VmHWM) {hwm / 1024.0:F1} MB, sampled median {samples[samples.Count / 2] / 1024.0:F1} MB, max sampled {samples[^1] / 1024.0:F1} MB; {count}/20 posters shown in {seconds} s (target: peak <= 120 MB)");
    }

    /// <summary>A poster-like image: gradients, shapes and text (so JPEG sizes are realistic), distinct per seed.</summary>
    private static byte[] Poster(int w, int h, int seed, SKEncodedImageFormat format, int quality)
    {
        var random = new Random(seed);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        SKColor Colour() => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(w, h), [Colour(), Colour()], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, w, h, paint);
        }

        using var fill = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 60; i++)
        {
            fill.Color = Colour().WithAlpha((byte)random.Next(80, 230));
            canvas.DrawCircle(random.Next(w), random.Next(h), random.Next(w / 40, w / 6), fill);
        }

        using var font = new SKFont(SKTypeface.Default, h / 30f);
        fill.Color = SKColors.White;
        for (var line = 0; line < 20; line++)
        {
            canvas.DrawText($"Layanan publik {seed}-{line}: persyaratan, jadwal dan loket", w * 0.05f, h * (0.1f + (line * 0.04f)), SKTextAlign.Left, font, fill);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    private static string RunSelf(string mode, string file)
    {
        var self = Environment.ProcessPath!;
        var psi = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        psi.ArgumentList.Add("--child");
        psi.ArgumentList.Add(mode);
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"child {mode} failed: {output}");
        }

        return output;
    }

    private static long Status(string key) => StatusOf(Environment.ProcessId, key) ?? 0;

    private static long? StatusOf(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return null;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static int Arg(string[] args, string name, int fallback) =>
        ArgText(args, name) is { } v && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string? ArgText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
