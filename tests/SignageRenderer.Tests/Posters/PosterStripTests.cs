using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Posters;
using MppSignage.SignageRenderer.Text;
using MppSignage.TestSupport;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.Posters.TestPosters;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Posters;

/// <summary>Issue 12 item 5 on poster slides: the site's logo and name in a slim strip above the poster, which never overlaps it.</summary>
public sealed class PosterStripTests : IDisposable
{
    private static readonly SKColor Gold = new(0xFA, 0xCC, 0x15);
    private readonly LogCollector _logs = new();
    private readonly string _dir = TempDir.Create("poster-strip");

    public void Dispose()
    {
        _logs.AssertNoUnexpectedErrors();
        TempDir.TryDelete(_dir);
    }

    private static FooterModel Footer => new SignageSlides(Jakarta).Footer(J(2026, 12, 1, 9, 0), null);

    private Logo GoldLogo()
    {
        var path = Path.Combine(_dir, "logo.svg");
        File.WriteAllText(path, """<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect x="0" y="0" width="200" height="100" fill="#facc15"/></svg>""");
        Assert.True(Logo.TryLoad(path, "Site:Logo", out var logo, out var error), error);
        return logo!;
    }

    private static FrameRenderer Renderer(ScreenGeometry g, IPosterSource posters, Logo? logo)
    {
        var fitter = new TextFitter(RendererFixtures.Fonts);
        return new FrameRenderer(g, new FrameLayouter(fitter, bilingual: true, posters) { Logo = logo }, new FramePainter(fitter));
    }

    [Theory]
    // landscape and portrait, contain and cover, with and without the caption band
    [InlineData(1920, 1080, PosterFit.Contain, false)]
    [InlineData(1920, 1080, PosterFit.Cover, true)]
    [InlineData(1080, 1920, PosterFit.Contain, true)]
    [InlineData(1080, 1920, PosterFit.Cover, false)]
    public void LogoAndName_InTheStrip_PosterBelowIt(int w, int h, PosterFit fit, bool caption)
    {
        using var lib = Open(_logs, Make(800, 800));
        using var logo = GoldLogo();
        var g = new ScreenGeometry(w, h);
        using var renderer = Renderer(g, lib.Posters, logo);
        var slide = new PosterSlideModel(new PosterImage(lib.Hashes[0], fit), caption ? new LocalizedText("Layanan KTP elektronik", "Electronic ID cards") : null, null, null, false);

        renderer.Render(slide, Footer, "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
        Save(renderer, $"strip-{w}x{h}-{fit}-{caption}");

        var layout = renderer.CurrentLayout!;
        var strip = FrameLayouter.PosterStrip(g);
        var box = Assert.Single(layout.Body.OfType<LogoElement>()).Box;
        Assert.Equal(Gold, At(renderer.Frame, (int)box.MidX, (int)box.MidY));
        Assert.True(g.SafeArea.Contains(box), $"logo {box} outside the safe area {g.SafeArea}");
        Assert.True(box.Bottom <= strip.Bottom, $"logo {box} below the strip {strip}");
        Assert.True(box.Height >= (FrameLayouter.PosterStripLogoHeight * g.Unit) - 1 && box.Height < FrameLayouter.LogoHeight * g.Unit, $"logo {box.Height} px high: the strip's logo is smaller than the header's");

        var name = Assert.Single(layout.Body.OfType<TextElement>(), t => t.Block.Lines.Any(l => l.Text.Contains("PELAYANAN", StringComparison.Ordinal)));
        Assert.True(name.Block.Bounds.Bottom <= strip.Bottom && name.Block.Bounds.Left >= box.Right, $"name {name.Block.Bounds} not beside the logo in the strip {strip}");
        var nameSize = name.Block.FontSize;

        // The poster fills the area below the strip and never reaches into it.
        var poster = Assert.Single(layout.Body.OfType<PosterElement>());
        var area = FrameLayouter.PosterArea(g, caption, strip: true);
        Assert.Equal(strip.Bottom, area.Top);
        Assert.True(poster.Dest.Top >= strip.Bottom && poster.Dest.Bottom <= area.Bottom, $"poster {poster.Dest} outside {area} (strip {strip})");
        Assert.True(Near(At(renderer.Frame, area.MidX, area.MidY), Field), "the poster is not at the centre of its area");
        if (fit == PosterFit.Cover)
        {
            // Cover fills the area up to the strip's edge: the first row below the strip is poster, the last strip row is not.
            Assert.True(Near(At(renderer.Frame, area.MidX, strip.Bottom), Field), $"row {strip.Bottom} below the strip is {At(renderer.Frame, area.MidX, strip.Bottom)}, not the poster");
            Assert.False(Near(At(renderer.Frame, w - 3, strip.Bottom - 1), Field), "the poster reaches into the strip");
        }

        // The name is as large as in the other slides' header (the readable minimum, or as that header shrinks it on a narrow screen).
        renderer.Render(new SignageSlides(Jakarta).Status(null, J(2026, 12, 1, 9, 0)), Footer, "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
        var headerName = Assert.Single(renderer.CurrentLayout!.Body.OfType<TextElement>(), t => t.Block.Lines.Any(l => l.Text.Contains("PELAYANAN", StringComparison.Ordinal)));
        Assert.True(nameSize >= headerName.Block.FontSize - 0.01f, $"name at {nameSize} px in the strip, {headerName.Block.FontSize} px in the header");
    }

    [Fact]
    public void NoLogoNoName_NoStrip_PosterFromTheTop()
    {
        using var lib = Open(_logs, Make(800, 800));
        var g = new ScreenGeometry(1920, 1080);
        using var renderer = Renderer(g, lib.Posters, logo: null);

        renderer.Render(new PosterSlideModel(new PosterImage(lib.Hashes[0], PosterFit.Cover), null, null, null, false), Footer, null);

        Assert.Empty(renderer.CurrentLayout!.Body.OfType<LogoElement>());
        Assert.True(Near(At(renderer.Frame, 960, 2), Field), "without logo and name the poster starts at the top edge");
    }

    [Fact]
    public void LogoWithoutName_StripWithTheLogo()
    {
        using var lib = Open(_logs, Make(800, 800));
        using var logo = GoldLogo();
        var g = new ScreenGeometry(1080, 1920);
        using var renderer = Renderer(g, lib.Posters, logo);

        renderer.Render(new PosterSlideModel(new PosterImage(lib.Hashes[0], PosterFit.Cover), null, null, null, false), Footer, null);

        var box = Assert.Single(renderer.CurrentLayout!.Body.OfType<LogoElement>()).Box;
        Assert.Equal(Gold, At(renderer.Frame, (int)box.MidX, (int)box.MidY));
        Assert.True(Assert.Single(renderer.CurrentLayout.Body.OfType<PosterElement>()).Dest.Top >= FrameLayouter.PosterStrip(g).Bottom);
    }
}
