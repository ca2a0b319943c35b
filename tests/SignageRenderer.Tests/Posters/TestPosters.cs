using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Posters;
using MppSignage.SignageRenderer.Text;
using MppSignage.TestSupport;
using Microsoft.Extensions.Time.Testing;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Posters;

/// <summary>Posters made in the test with SkiaSharp, and a real poster cache + library in a temporary directory.</summary>
internal static class TestPosters
{
    /// <summary>The poster's field colour (orange).</summary>
    public static readonly SKColor Field = new(0xE0, 0x60, 0x10);

    /// <summary>The poster's border colour (teal): what the <c>auto</c> background takes.</summary>
    public static readonly SKColor Border = new(0x10, 0x80, 0x80);

    /// <summary>A <paramref name="w"/>×<paramref name="h"/> poster: <see cref="Field"/> with a <paramref name="border"/>-pixel <see cref="Border"/> frame, encoded as PNG or JPEG.</summary>
    public static byte[] Make(int w, int h, int border = 0, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(border > 0 ? Border : Field);
            using var paint = new SKPaint { Color = Field };
            canvas.DrawRect(SKRect.Create(border, border, w - (2 * border), h - (2 * border)), paint);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A cache + library in a fresh directory, holding <paramref name="posters"/>.</summary>
    public static Library Open(LogCollector logs, params byte[][] posters)
    {
        var dir = TempDir.Create("posters");
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        var disk = new PosterAssetCache(dir, 64L << 20, 32, time, logs.CreateLogger<PosterAssetCache>());
        var library = new PosterLibrary(disk, 3, logs.CreateLogger<PosterLibrary>());
        var hashes = new List<string>();
        foreach (var p in posters)
        {
            var sha = PosterImage.Sha256Of(p);
            Assert.True(disk.Put(sha, p, new HashSet<string>()).Stored);
            hashes.Add(sha);
        }

        return new Library(dir, time, disk, library, hashes);
    }

    /// <summary>A frame renderer that draws posters from <paramref name="posters"/>.</summary>
    public static FrameRenderer Renderer(ScreenGeometry geometry, IPosterSource posters, bool bilingual = true)
    {
        var fitter = new TextFitter(RendererFixtures.Fonts);
        return new FrameRenderer(geometry, new FrameLayouter(fitter, bilingual, posters), new FramePainter(fitter));
    }

    /// <summary>Saves the frame as PNG under <c>MPP_TEST_FRAMES</c> when set (to look at it), else nothing.</summary>
    public static void Save(FrameRenderer renderer, string name)
    {
        if (Environment.GetEnvironmentVariable("MPP_TEST_FRAMES") is { Length: > 0 } dir)
        {
            System.IO.Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name + ".png"), renderer.EncodePng());
        }
    }

    /// <summary>The colour of frame pixel (x, y).</summary>
    public static SKColor At(SKBitmap frame, int x, int y) => frame.GetPixel(x, y);

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by at most <paramref name="tolerance"/> per channel.</summary>
    public static bool Near(SKColor a, SKColor b, int tolerance = 12) =>
        Math.Abs(a.Red - b.Red) <= tolerance && Math.Abs(a.Green - b.Green) <= tolerance && Math.Abs(a.Blue - b.Blue) <= tolerance;

    internal sealed record Library(string Directory, FakeTimeProvider Time, PosterAssetCache Disk, PosterLibrary Posters, IReadOnlyList<string> Hashes) : IDisposable
    {
        public void Dispose()
        {
            Posters.Dispose();
            TempDir.TryDelete(Directory);
        }
    }
}
