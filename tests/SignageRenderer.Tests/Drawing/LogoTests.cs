using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Text;
using MppSignage.TestSupport;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Drawing;

/// <summary>The site's logo: drawn in the header of every slide; a bad or unsafe file is refused at start, naming Site:Logo.</summary>
public sealed class LogoTests : IDisposable
{
    private const string Gold = "#facc15";
    private readonly string _dir = TempDir.Create("logo");

    public void Dispose() => TempDir.TryDelete(_dir);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WritePng(string name, int w, int h, SKColor color)
    {
        using var bitmap = new SKBitmap(w, h);
        bitmap.Erase(color);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private static string Svg(string inner) =>
        $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">{inner}</svg>""";

    private static string Refused(string path)
    {
        Assert.False(Logo.TryLoad(path, "Site:Logo", out var logo, out var error));
        Assert.Null(logo);
        Assert.StartsWith("Site:Logo: logo file", error);
        return error!;
    }

    /// <summary>Renders a slide with <paramref name="logo"/> and returns the frame's pixel at the centre of the logo's box, and the box.</summary>
    private static (SKColor Centre, SKRect Box) Drawn(Logo logo, ScreenGeometry g, SlideModel slide)
    {
        var fitter = new TextFitter(Fonts);
        var layouter = new FrameLayouter(fitter, bilingual: true) { Logo = logo };
        using var renderer = new FrameRenderer(g, layouter, new FramePainter(fitter));
        var footer = new SignageSlides(Jakarta).Footer(J(2024, 7, 1, 9, 0), null);
        renderer.Render(slide, footer, "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
        var box = renderer.CurrentLayout!.Body.OfType<LogoElement>().Single().Box;
        return (renderer.Frame.GetPixel((int)box.MidX, (int)box.MidY), box);
    }

    [Theory]
    // landscape and portrait
    [InlineData(1920, 1080)]
    [InlineData(1080, 1920)]
    public void Svg_DrawnInTheHeader_OfEverySlide(int w, int h)
    {
        var path = Write("logo.svg", Svg($"""<rect x="0" y="0" width="200" height="100" rx="10" fill="{Gold}"/>"""));
        Assert.True(Logo.TryLoad(path, "Site:Logo", out var logo, out var error), error);
        using var _ = logo;
        var g = new ScreenGeometry(w, h);
        var words = new SignageSlides(Jakarta);
        SlideModel[] slides =
        [
            words.Status(MppSignage.SignageRenderer.Preview.ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 1, 9, 0)), J(2024, 7, 1, 9, 0)),
            words.Hours(Schedules.Default, J(2024, 7, 1, 9, 0)),
            SignageSlides.Qr("6281234567890", null)!,
        ];

        foreach (var slide in slides)
        {
            var (centre, box) = Drawn(logo!, g, slide);
            Assert.Equal(new SKColor(0xFA, 0xCC, 0x15), centre);
            Assert.True(g.SafeArea.Contains(box), $"logo box {box} outside the safe area {g.SafeArea}");
            Assert.Equal(2f, box.Width / box.Height, 1);
            Assert.True(box.Height >= FrameLayouter.LogoHeight * g.Unit - 1, $"logo only {box.Height} px high");
        }
    }

    [Fact]
    public void Png_DrawnInTheHeader_AspectKept()
    {
        var path = WritePng("logo.png", 300, 100, new SKColor(0x12, 0x80, 0xC0));
        Assert.True(Logo.TryLoad(path, "Site:Logo", out var logo, out var error), error);
        using var _ = logo;

        var (centre, box) = Drawn(logo!, new ScreenGeometry(1920, 1080), new SignageSlides(Jakarta).Status(null, J(2024, 7, 1, 9, 0)));

        Assert.Equal(new SKColor(0x12, 0x80, 0xC0), centre);
        Assert.Equal(3f, box.Width / box.Height, 1);
    }

    [Fact]
    public void ShippedMark_LoadsAndIsSafe()
    {
        Assert.True(Logo.TryLoad(Path.Combine(RepoPaths.Root, "deploy-pi", "config", "logo.svg"), "Site:Logo", out var logo, out var error), error);
        logo!.Dispose();
    }

    [Theory]
    // script element
    [InlineData("<script>alert(1)</script><rect width='10' height='10'/>", "<script>")]
    // event handler attribute
    [InlineData("<rect width='10' height='10' onclick='alert(1)'/>", "event handler")]
    // external image reference
    [InlineData("<image href='http://192.0.2.1/x.png' width='10' height='10'/>", "outside the file")]
    // external xlink reference
    [InlineData("<use xlink:href='file:///etc/passwd#x'/>", "outside the file")]
    // external style sheet
    [InlineData("<style>@import url(http://192.0.2.1/a.css);</style><rect width='10' height='10'/>", "style sheet")]
    // style attribute with an external url()
    [InlineData("<rect width='10' height='10' style=\"fill:url(http://192.0.2.1/p.svg#g)\"/>", "another file")]
    // embedded HTML
    [InlineData("<foreignObject width='10' height='10'><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>", "foreignObject")]
    public void Svg_Unsafe_Refused(string inner, string reason)
    {
        var error = Refused(Write("bad.svg", Svg(inner)));

        Assert.Contains(reason, error);
    }

    [Fact]
    public void Svg_WithDtd_Refused()
    {
        var error = Refused(Write("dtd.svg", "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY e \"x\">]>" + Svg("<rect width='10' height='10'/>")));

        Assert.Contains("DTD", error);
    }

    [Fact]
    public void Svg_InternalReference_Accepted()
    {
        var path = Write("ref.svg", Svg("<defs><linearGradient id='g'><stop offset='0' stop-color='#fff'/></linearGradient></defs><rect width='200' height='100' fill='url(#g)'/><use href='#g'/>"));

        Assert.True(Logo.TryLoad(path, "Site:Logo", out var logo, out var error), error);
        logo!.Dispose();
    }

    [Fact]
    public void Missing_Refused()
    {
        Assert.Contains("does not exist", Refused(Path.Combine(_dir, "none.svg")));
    }

    [Fact]
    public void NotAnImage_Refused()
    {
        Assert.Contains("neither a PNG nor an SVG", Refused(Write("logo.png", "this is not an image")));
    }

    [Fact]
    public void TruncatedPng_Refused()
    {
        var path = WritePng("cut.png", 400, 200, SKColors.Red);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.Contains("truncated or corrupt", Refused(path));
    }

    [Fact]
    public void PngTooLarge_RefusedFromItsHeader()
    {
        // 5000 x 8 px compresses to a few hundred bytes: the size is read from the header, nothing is expanded.
        Assert.Contains("pixels a side", Refused(WritePng("wide.png", 5000, 8, SKColors.Red)));
    }

    [Fact]
    public void Jpeg_Refused()
    {
        using var bitmap = new SKBitmap(40, 20);
        bitmap.Erase(SKColors.Blue);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var path = Path.Combine(_dir, "logo.jpg");
        File.WriteAllBytes(path, data.ToArray());

        Assert.Contains("must be a PNG", Refused(path));
    }

    [Fact]
    public void Host_BadLogo_DoesNotStart_AndNamesTheKey()
    {
        var path = Write("bad.svg", Svg("<script>x()</script>"));

        Assert.False(SignageHost.TryCreate([$"--Site:Logo={path}"], TimeProvider.System, out var host, out var errors));

        Assert.Null(host);
        var error = Assert.Single(errors);
        Assert.StartsWith("Site:Logo:", error);
        Assert.Contains("<script>", error);
    }
}
