using MppSignage.SignageRenderer.Cli;
using MppSignage.SignageRenderer.Layout;
using MppSignage.TestSupport;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Cli;

/// <summary><c>render --image FILE</c>: a poster announcement previewed with its image, processed as the controller would.</summary>
public sealed class RenderImageTests : IDisposable
{
    private static readonly SKColor Orange = new(0xE0, 0x60, 0x10);
    private readonly string _dir = TempDir.Create("render-image");

    public void Dispose() => TempDir.TryDelete(_dir);

    private string Out => Path.Combine(_dir, "out", "poster.png");

    private (int Code, string Stdout, string Stderr) Run(RenderVerb.Request request)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = RenderVerb.Execute(request, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Announcements(bool withPoster = true)
    {
        var path = Path.Combine(_dir, "announcements.json");
        // The sha256 is the placeholder an admin writes before the upload: --image stands in for it.
        File.WriteAllText(path, withPoster
            ? $$$"""[{"id":"poster","kind":"image","image":{"sha256":"{{{new string('0', 64)}}}","fit":"cover"}}]"""
            : """[{"id":"ktp","kind":"text","title":"Perekaman KTP-el"}]""");
        return path;
    }

    private string Jpeg()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(1200, 1600, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(Orange);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var path = Path.Combine(_dir, "poster.jpg");
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private static bool Near(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) <= 16 && Math.Abs(a.Green - b.Green) <= 16 && Math.Abs(a.Blue - b.Blue) <= 16;

    [Theory]
    [InlineData("1920x1080")]
    [InlineData("1080x1920")]
    public void Image_ShownInThePosterSlide(string size)
    {
        var (code, _, stderr) = Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, Announcements(), null, "2026-12-01T09:00:00+07:00", "announcement:poster", size, Out, Image: Jpeg()));

        Assert.True(code == 0, stderr);
        using var png = SKBitmap.Decode(Out);
        var area = FrameLayouter.PosterArea(ScreenGeometry.TryParse(size)!, band: false, strip: true);
        foreach (var (x, y) in new[] { (area.MidX, area.MidY), (area.Left + 3, area.Top + 3), (area.Right - 4, area.Bottom - 4) })
        {
            Assert.True(Near(png.GetPixel(x, y), Orange), $"({x},{y}) is {png.GetPixel(x, y)}, not the poster");
        }
    }

    [Fact]
    public void WithoutImage_TheCaptionFallback_NotThePoster()
    {
        var (code, _, stderr) = Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, Announcements(), null, "2026-12-01T09:00:00+07:00", "announcement:poster", "1920x1080", Out));

        Assert.True(code == 0, stderr);
        using var png = SKBitmap.Decode(Out);
        var area = FrameLayouter.PosterArea(new ScreenGeometry(1920, 1080), band: false, strip: true);
        Assert.False(Near(png.GetPixel(area.MidX, area.MidY), Orange));
    }

    [Fact]
    public void NotAnImage_RefusedWithFieldAndReason()
    {
        var bad = Path.Combine(_dir, "bad.jpg");
        File.WriteAllText(bad, "this is not a JPEG");

        var (code, _, stderr) = Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, Announcements(), null, "2026-12-01T09:00:00+07:00", "announcement:poster", "1920x1080", Out, Image: bad));

        Assert.Equal(2, code);
        Assert.Contains("--image:", stderr);
        Assert.Contains("refused: image", stderr);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public void NoPosterInTheFile_Refused()
    {
        var (code, _, stderr) = Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, Announcements(withPoster: false), null, "2026-12-01T09:00:00+07:00", "announcement:ktp", "1920x1080", Out, Image: Jpeg()));

        Assert.Equal(2, code);
        Assert.Contains("--image: needs --announcements with an item of kind \"image\"", stderr);
    }
}
