using System.Diagnostics;
using System.Runtime.InteropServices;
using MppSignage.Imaging;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Output;
using MppSignage.SignageRenderer.Posters;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using SkiaSharp;

namespace MppSignage.Benchmarks.RenderBench;

/// <summary>
/// Signage rendering figures: a cold process rendering one 1920×1080 status slide to PNG (time, peak RSS),
/// a warm full-slide render, a steady minute update (footer only) and a cross-fade frame, in milliseconds.
/// Usage: render-bench [--cold-runs N] [--iterations N] [--renderer PATH-TO-mpp-signage]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var coldRuns = Arg(args, "--cold-runs", 7);
        var iterations = Arg(args, "--iterations", 300);
        var root = RepoRoot();
        var schedulePath = Path.Combine(root, "deploy-pi", "config", "schedule.json");
        var renderer = ArgText(args, "--renderer") ?? Path.Combine(root, "artifacts", "signage", "mpp-signage");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");

        // Cold runs first, while this process is small: a child forked from a large parent inherits its
        // resident set until exec, and getrusage's peak would count it.
        if (File.Exists(renderer))
        {
            Cold(renderer, schedulePath, coldRuns);
        }
        else
        {
            Console.WriteLine($"cold: skipped, {renderer} not found (dotnet publish SignageRenderer -c Release -r linux-x64 --self-contained false -o artifacts/signage)");
        }

        Warm(schedulePath, iterations);

        return 0;
    }

    private static void Warm(string schedulePath, int iterations)
    {
        var schedule = ScheduleLoader.LoadFile(schedulePath).Schedule ?? throw new InvalidOperationException("schedule invalid");
        var zone = schedule.Zone;
        var words = new SignageSlides(zone);
        using var fonts = FontSet.Load("DejaVu Sans", "Display:Font");
        using var fitter = new TextFitter(fonts);
        var geometry = new ScreenGeometry(1920, 1080);
        using var renderer = new FrameRenderer(geometry, new FrameLayouter(fitter, bilingual: true), new FramePainter(fitter));
        var t0 = new LocalDateTime(2024, 7, 1, 13, 0).InZoneStrictly(zone).ToInstant();

        // Two different status slides (the countdown differs) so each call is a full layout + draw.
        StatusSlideModel Slide(int i) => words.Status(ScheduleStatus.Compute(schedule, t0 + Duration.FromMinutes(i % 50)), t0 + Duration.FromMinutes(i % 50));
        FooterModel Footer(int i) => words.Footer(t0 + Duration.FromMinutes(i), null);

        for (var i = 0; i < 30; i++)
        {
            renderer.Render(Slide(i), Footer(i), "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
        }

        var full = new List<double>();
        var models = Enumerable.Range(0, iterations).Select(i => (Slide(i + 1), Footer(i + 1))).ToList();
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            var dirty = renderer.Render(models[i].Item1, models[i].Item2, "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
            full.Add(sw.Elapsed.TotalMilliseconds);
            if (dirty != geometry.Bounds)
            {
                throw new InvalidOperationException("expected a full redraw");
            }
        }

        // Steady state: the same slide, only the minute in the footer changes.
        var slide = Slide(0);
        renderer.Render(slide, Footer(0), "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
        var footers = Enumerable.Range(1, iterations).Select(Footer).ToList();
        var steady = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            var dirty = renderer.Render(slide, footers[i], "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
            steady.Add(sw.Elapsed.TotalMilliseconds);
            if (dirty != geometry.FooterRegion)
            {
                throw new InvalidOperationException("expected a footer-only redraw");
            }
        }

        // The frame's way out: a 16 bpp framebuffer (a plain file standing in), whole frame and footer band.
        var dir = Directory.CreateTempSubdirectory("render-bench");
        try
        {
            var device = Path.Combine(dir.FullName, "fb0");
            var fb = new FramebufferGeometry(1920, 1080, 16, 3840);
            File.WriteAllBytes(device, new byte[fb.Stride * fb.Height]);
            using var output = new FramebufferOutput(device, fb, 1920, 1080);
            var fbFull = Time(iterations / 3, () => output.Write(renderer.Frame, geometry.Bounds));
            var fbFooter = Time(iterations, () => output.Write(renderer.Frame, geometry.FooterRegion));
            var png = Time(Math.Max(5, iterations / 20), () => renderer.EncodePng());

            // Cross-fade (issue 12): one fade frame is the old picture and the new frame blended row by row into
            // the staging buffer in the device's format (and, on a display, one positioned write of it).
            var width = geometry.Width;
            var pixels = renderer.Frame.GetPixelSpan().ToArray();
            var from32 = new byte[pixels.Length];
            var staging32 = new byte[pixels.Length];
            var from565 = new byte[width * 2 * geometry.Height];
            var staging565 = new byte[from565.Length];
            var weight = 0;
            var blend32 = Time(iterations, () =>
            {
                weight = (weight + 32) % 256;
                CrossFade.Blend32(from32, pixels, staging32, weight);
            });
            var to565 = new byte[from565.Length];
            FramebufferOutput.ToRgb565(pixels, to565, width * geometry.Height);
            var blend565 = Time(iterations, () =>
            {
                weight = (weight + 32) % 256;
                CrossFade.Blend565(from565, to565, staging565, weight);
            });

            // Whole fade frames on a 16 bpp framebuffer file for two real transitions of the rotation:
            // status (green) → hours (navy), where every row differs, and hours → QR, both on navy, where
            // the header, margins and footer band are the same pixels and are neither blended nor written.
            var schedule2 = ScheduleLoader.LoadFile(schedulePath).Schedule!;
            var hours = words.Hours(schedule2, t0);
            var qr = SignageSlides.Qr("6281234567890", "https://g.page/r/mpp-kota-probolinggo/review")!;
            List<double> FadeWrites(SlideModel from, SlideModel to)
            {
                renderer.Render(from, Footer(0), "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
                using var fromFrame = renderer.Frame.Copy();
                renderer.Render(to, Footer(0), "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
                return FadeSteps(output, fromFrame, renderer.Frame, iterations, out _);
            }

            var fadeStatusHours = FadeWrites(Slide(0), hours);
            var fadeHoursQr = FadeWrites(hours, qr);
            var pairs16 = SlidePairs(words, t0, Slide(0), hours, fitter, geometry, fb, dir.FullName, iterations);
            var pairs32 = SlidePairs(words, t0, Slide(0), hours, fitter, geometry, new FramebufferGeometry(1920, 1080, 32, 7680), dir.FullName, iterations);

            Report("warm full-slide render 1920x1080 (layout + draw)", full);
            Report("steady minute update (footer band only)", steady);
            Console.WriteLine($"steady / full (medians): {Median(steady) / Median(full):P1}");
            Report("framebuffer write, whole frame, RGB565", fbFull);
            Report("framebuffer write, footer band, RGB565", fbFooter);
            Report("PNG encode of a frame (Sub filter, zlib 1; previews and screenshots only)", png);
            Report("cross-fade frame, blend only, XRGB8888 (32 bpp framebuffer)", blend32);
            Report("cross-fade frame, blend only, RGB565 (16 bpp framebuffer)", blend565);
            Report("cross-fade frame written, RGB565, status → hours (every row blended + written)", fadeStatusHours);
            Report("cross-fade frame written, RGB565, hours → QR (rows that differ only)", fadeHoursQr);
            Console.WriteLine($"cross-fade frame / full-slide render (medians, blend only, every row): 32 bpp {Median(blend32) / Median(full):P1}, 16 bpp {Median(blend565) / Median(full):P1} (target: at most 50 %)");
            var slideToScreen = Median(full) + Median(fbFull);
            Console.WriteLine($"cross-fade frame written / full slide to the screen (render + whole-frame write, {slideToScreen:0.00} ms), RGB565: status → hours {Median(fadeStatusHours) / slideToScreen:P1}, hours → QR {Median(fadeHoursQr) / slideToScreen:P1}");
            foreach (var (bits, pairs) in new[] { (16, pairs16), (32, pairs32) })
            {
                Console.WriteLine($"real slide pairs (shipped logo), {bits} bpp framebuffer file: a fade frame (only the differing span of each row blended, the rows from the first to the last differing one written) against the full slide render (layout + draw of the new slide + conversion + whole-frame write, what a slide change costs without a fade); target: at most 50 %");
                foreach (var pair in pairs)
                {
                    Console.WriteLine($"  {pair.Name,-24} fade frame median {pair.Fade:0.000} ms, full slide render median {pair.Full:0.000} ms: {pair.Fade / pair.Full:P1} {(pair.Fade <= pair.Full / 2 ? "meets" : "MISSES")}  (blended box {pair.Bounds.Width}x{pair.Bounds.Height} at {pair.Bounds.Left},{pair.Bounds.Top})");
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The rotation's real slide changes (with the shipped logo, as the local run): status → hours, hours → a text
    /// announcement, that announcement → a poster, directory page 1 → 2. For each: the median fade frame and the
    /// median full slide render of the second slide (layout + draw + conversion + whole-frame write).
    /// </summary>
    private static List<(string Name, double Fade, double Full, SKRectI Bounds)> SlidePairs(
        SignageSlides words, Instant t0, SlideModel status, SlideModel hours, TextFitter fitter, ScreenGeometry geometry, FramebufferGeometry fb, string dir, int iterations)
    {
        var root = RepoRoot();
        if (!Logo.TryLoad(Path.Combine(root, "deploy-pi", "config", "logo.svg"), "Site:Logo", out var logo, out var error))
        {
            throw new InvalidOperationException(error);
        }

        using var _ = logo;
        var disk = new PosterAssetCache(Path.Combine(dir, $"posters{fb.BitsPerPixel}"), 64L << 20, 10, TimeProvider.System, NullLogger.Instance);
        using var library = new PosterLibrary(disk, 3, NullLogger.Instance);
        var poster = ImageProcessor.Process(SamplePoster()).Image ?? throw new InvalidOperationException("sample poster refused");
        disk.Put(poster.Sha256, poster.Bytes, new HashSet<string>());

        var layouter = new FrameLayouter(fitter, bilingual: true, library) { Logo = logo };
        using var renderer = new FrameRenderer(geometry, layouter, new FramePainter(fitter));
        var device = Path.Combine(dir, $"fb-pairs{fb.BitsPerPixel}");
        File.WriteAllBytes(device, new byte[fb.Stride * fb.Height]);
        using var output = new FramebufferOutput(device, fb, geometry.Width, geometry.Height);

        var text = AnnouncementJson.ParseAnnouncement("""{"id":"ktp-el","kind":"text","priority":"high","title":{"id":"Perekaman KTP-el","en":"e-ID card recording"},"body":"Bawa fotokopi Kartu Keluarga. Loket 3, Senin–Kamis.","qr":{"url":"https://wa.me/6281234567890","caption":"Tanya lewat WhatsApp"}}"""u8.ToArray()).Announcement!;
        var image = AnnouncementJson.ParseAnnouncement(System.Text.Encoding.UTF8.GetBytes($$"""{"id":"poster","kind":"image","image":{"sha256":"{{poster.Sha256}}"},"title":"Layanan KTP elektronik di loket 5"}""")).Announcement!;
        var directory = AnnouncementJson.ParseAnnouncement(File.ReadAllBytes(Path.Combine(root, "deploy-pi", "config", "services-directory.json"))).Announcement!;
        var perPage = layouter.ServicesPerPage(geometry);
        var announcement = SignageSlides.Announcement(text);
        var posterSlide = SignageSlides.Announcement(image);
        const string Header = "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO";
        var footer = words.Footer(t0, null);
        var result = new List<(string, double, double, SKRectI)>();
        foreach (var (name, from, to) in new (string, SlideModel, SlideModel)[]
        {
            ("status → hours", status, hours),
            ("hours → announcement", hours, announcement),
            ("announcement → poster", announcement, posterSlide),
            ("directory page 1 → 2", SignageSlides.Announcement(directory, 0, perPage), SignageSlides.Announcement(directory, 1, perPage)),
        })
        {
            // Without a fade: the new slide laid out, drawn, converted and written whole.
            var full = Time(iterations / 3, () =>
            {
                renderer.Invalidate();
                renderer.Render(to, footer, Header);
                output.Write(renderer.Frame, geometry.Bounds);
            });

            renderer.Render(from, footer, Header);
            using var fromFrame = renderer.Frame.Copy();
            renderer.Render(to, footer, Header);
            var fade = FadeSteps(output, fromFrame, renderer.Frame, iterations, out var bounds);
            result.Add((name, Median(fade), Median(full), bounds));
        }

        return result;
    }

    /// <summary>A poster-like 1080×1350 JPEG (gradient, shapes and lines of text), as a hall exports from Canva.</summary>
    private static byte[] SamplePoster()
    {
        using var surface = SKSurface.Create(new SKImageInfo(1080, 1350, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        using (var shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(1080, 1350), [new SKColor(0xE0, 0x60, 0x10), new SKColor(0x10, 0x60, 0xA0)], SKShaderTileMode.Clamp))
        using (var paint = new SKPaint { Shader = shader })
        {
            canvas.DrawRect(0, 0, 1080, 1350, paint);
        }

        using var font = new SKFont(SKTypeface.Default, 44);
        using var fill = new SKPaint { IsAntialias = true, Color = SKColors.White };
        for (var line = 0; line < 20; line++)
        {
            canvas.DrawText($"Persyaratan layanan {line + 1}: KTP-el, KK asli", 60, 120 + (line * 60), SKTextAlign.Left, font, fill);
        }

        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    private static void Cold(string renderer, string schedulePath, int runs)
    {
        var outDir = Directory.CreateTempSubdirectory("render-bench-cold");
        try
        {
            var times = new List<double>();
            var cpu = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var cpuBefore = ChildCpuMs();
                var psi = new ProcessStartInfo(renderer)
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                foreach (var a in new[] { "render", "--schedule", schedulePath, "--at", "2024-07-01T13:35:00+07:00", "--slide", "status", "--size", "1920x1080", "--out", Path.Combine(outDir.FullName, $"cold{i}.png") })
                {
                    psi.ArgumentList.Add(a);
                }

                var sw = Stopwatch.StartNew();
                using var p = Process.Start(psi)!;
                p.StandardOutput.ReadToEnd();
                var err = p.StandardError.ReadToEnd();
                p.WaitForExit();
                sw.Stop();
                if (p.ExitCode != 0)
                {
                    throw new InvalidOperationException($"cold run failed ({p.ExitCode}): {err}");
                }

                // The first run also pays for the OS file cache: report it, but keep it out of the median.
                if (i > 0)
                {
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    cpu.Add(ChildCpuMs() - cpuBefore);
                }
                else
                {
                    Console.WriteLine($"cold process, first run (cold file cache): {sw.Elapsed.TotalMilliseconds:F0} ms");
                }
            }

            Report("cold process: start, render status slide 1920x1080, write PNG, exit", times);
            // CPU time (user + system) is what the process itself costs; wall time also carries the machine's load.
            Report("cold process CPU time (user + system)", cpu);
            Console.WriteLine($"cold process peak RSS (max over runs, getrusage RUSAGE_CHILDREN): {PeakChildRssMb():F1} MB");
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The blended frames of whole default fades (8 steps: 7 blends, then the next frame itself, as <c>RenderService</c>
    /// does), timed one by one: before each fade (untimed) the device gets <paramref name="from"/> whole and the fade begins.
    /// </summary>
    private static List<double> FadeSteps(FramebufferOutput output, SKBitmap from, SKBitmap to, int iterations, out SKRectI bounds)
    {
        const int Steps = 8;
        var list = new List<double>(iterations);
        bounds = SKRectI.Empty;
        for (var i = 0; list.Count < iterations; i++)
        {
            var step = (i % Steps) + 1;
            if (step == 1)
            {
                output.Write(from, from.Info.Rect);
                output.BeginFade(to);
                bounds = output.FadeBounds;
            }

            var sw = Stopwatch.StartNew();
            if (step < Steps)
            {
                output.WriteFade(to, CrossFade.WeightAt(step, Steps));
            }
            else
            {
                output.Write(to, to.Info.Rect);
            }

            // The blended frames are counted (the last step is the frame as without a fade); the first fade warms up.
            if (i >= Steps && step < Steps)
            {
                list.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        return list;
    }

    private static List<double> Time(int n, Action action)
    {
        action();
        var list = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            list.Add(sw.Elapsed.TotalMilliseconds);
        }

        return list;
    }

    private static void Report(string name, List<double> ms)
    {
        var sorted = ms.Order().ToList();
        Console.WriteLine($"{name}: median {Median(ms):F2} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F2} ms, min {sorted[0]:F2} ms (n={ms.Count})");
    }

    private static double Median(List<double> ms)
    {
        var sorted = ms.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static double ChildCpuMs()
    {
        var usage = new RUsage();
        return GetRUsage(-1, ref usage) == 0
            ? ((usage.UserSec + usage.SystemSec) * 1000.0) + ((usage.UserUsec + usage.SystemUsec) / 1000.0)
            : double.NaN;
    }

    private static double PeakChildRssMb()
    {
        // ru_maxrss of RUSAGE_CHILDREN: the largest resident set of any waited-for child, in KiB on Linux.
        var usage = new RUsage();
        return GetRUsage(-1, ref usage) == 0 ? usage.MaxRss / 1024.0 : double.NaN;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRUsage(int who, ref RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSec;
        public long UserUsec;
        public long SystemSec;
        public long SystemUsec;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVCsw;
        public long NIvCsw;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) ? n : fallback;
    }

    private static string? ArgText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
