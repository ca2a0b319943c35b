using System.Globalization;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using SkiaSharp;

namespace MppSignage.SystemTests.Posters;

/// <summary>
/// Issue 12 "done when": the real controller (embedded broker) and a real renderer process; <c>announce add --image</c>
/// of a JPEG made here appears as a poster in the renderer's PNG frame (pixels sampled); a corrupt and a bomb image are
/// refused with their reasons and the screen keeps its poster.
/// </summary>
public sealed class PosterEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly SKColor Field = new(0xE0, 0x60, 0x10);
    private static readonly SKColor Border = new(0x10, 0x80, 0x80);
    // An emergency poster's caption band is in the emergency red (Theme.Emergency).
    private static readonly SKColor EmergencyRed = new(0x9B, 0x1C, 0x1C);

    [Fact]
    public async Task AnnounceAddImage_JpegShowsAsPosterInTheFrame_CorruptAndBombRefusedWithReasons()
    {
        var dir = TempDir.Create("poster-e2e");
        try
        {
            var port = FreePort.Next();
            await using var controller = await ControllerTestHost.StartAsync(TimeProvider.System, ControllerTestHost.EmbeddedArgs(port), stateDirectory: Path.Combine(dir, "state"));
            var frame = Path.Combine(dir, "frame.png");
            await using var screen = ChildProcess.Start(RepoPaths.SignageExe,
            [
                "run", $"--Site:Id={ControllerTestHost.Site}", "--Screen:Id=pintu-utama", $"--Mqtt:Port={port}",
                "--Mqtt:Username=screen", $"--Mqtt:Password={TestUsers.Password("screen")}", "--Mqtt:ReconnectMin=00:00:00.200",
                "--Display:Output=png", $"--Display:PngPath={frame}", $"--Posters:CacheDirectory={Path.Combine(dir, "posters")}", "--Display:Size=1280x720",
            ]);
            await screen.WaitForLineAsync(l => l.Contains("Received status", StringComparison.Ordinal), Timeout, "the first status on the screen");

            // A real JPEG, 1240×1754 (A4 at 150 dpi, as Canva exports it): an orange field in a teal frame.
            var jpeg = Path.Combine(dir, "poster.jpg");
            await File.WriteAllBytesAsync(jpeg, MakeJpeg(1240, 1754, border: 40));
            var add = await CliAsync(port, "announce", "add", "--image", jpeg, "--id", "poster-ktp", "--priority", "emergency",
                "--title", "Perekaman KTP elektronik di loket 5");
            Assert.True(add.Code == 0, $"announce add --image: exit {add.Code}\n{add.Stdout}\n{add.Stderr}");
            Assert.Contains("ok: announcement 'poster-ktp' set", add.Stdout, StringComparison.Ordinal);

            // The poster in the frame: its field in the middle, its edge colour ("auto") in the letterbox beside it,
            // the caption band (emergency red: the poster was sent as an emergency, so it shows at once) below it.
            var seen = "no frame yet";
            await Eventually.TrueAsync(
                () =>
                {
                    using var bitmap = File.Exists(frame) ? SKBitmap.Decode(frame) : null;
                    if (bitmap is null)
                    {
                        return false;
                    }

                    var centre = bitmap.GetPixel(640, 250);
                    var letterbox = bitmap.GetPixel(60, 250);
                    var band = bitmap.GetPixel(10, 560);
                    seen = $"centre {centre}, letterbox {letterbox}, band {band}";
                    return Near(centre, Field) && Near(letterbox, Border) && Near(band, EmergencyRed);
                },
                "the poster in the renderer's frame",
                Timeout,
                () => seen + "\n" + string.Join('\n', screen.Lines.TakeLast(20)));
            var shown = await File.ReadAllBytesAsync(frame);
            if (Environment.GetEnvironmentVariable("MPP_TEST_FRAMES") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                await File.WriteAllBytesAsync(Path.Combine(keep, "e2e-poster.png"), shown);
            }

            Figures.Record($"posters: announce add --image (1240x1754 JPEG) → poster in the renderer's frame; {seen}");

            // A JPEG cut off in transfer, and a 30000×30000 PNG of a few KB: refused, each with its reason.
            var corrupt = Path.Combine(dir, "cut.jpg");
            await File.WriteAllBytesAsync(corrupt, TestImages.Truncated(MakeJpeg(1600, 1200, border: 0), 0.4));
            var cut = await CliAsync(port, "announce", "add", "--image", corrupt, "--id", "poster-cut");
            Assert.Equal(1, cut.Code);
            Assert.Contains("image.data: the JPEG data ends early (truncated file)", cut.Stderr, StringComparison.Ordinal);

            var bomb = Path.Combine(dir, "bomb.png");
            await File.WriteAllBytesAsync(bomb, TestImages.PngBomb());
            var boom = await CliAsync(port, "announce", "add", "--image", bomb, "--id", "poster-bomb");
            Assert.Equal(1, boom.Code);
            Assert.Contains("image.pixels: the image declares 30000×30000", boom.Stderr, StringComparison.Ordinal);

            // Nothing was harmed: one poster kept, the renderer alive and still showing it.
            Assert.Single(controller.Assets.Items);
            Assert.False(screen.HasExited, string.Join('\n', screen.Lines.TakeLast(20)));
            using var after = SKBitmap.Decode(frame);
            Assert.True(Near(after.GetPixel(640, 250), Field), "the poster left the screen after the refusals");
        }
        finally
        {
            TempDir.TryDelete(dir);
        }
    }

    private static Task<ProcessOutput> CliAsync(int port, params string[] args) =>
        ProcessRun.RunAsync(RepoPaths.ControllerExe,
            [.. args, "-u", "admin", "-P", TestUsers.Password("admin"), "--port", port.ToString(CultureInfo.InvariantCulture)],
            timeout: Timeout);

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 20 && Math.Abs(a.Green - b.Green) <= 20 && Math.Abs(a.Blue - b.Blue) <= 20;

    private static byte[] MakeJpeg(int w, int h, int border)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(border > 0 ? Border : Field);
            using var paint = new SKPaint { Color = Field };
            canvas.DrawRect(SKRect.Create(border, border, w - (2 * border), h - (2 * border)), paint);
        }

        return TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, 90);
    }
}
