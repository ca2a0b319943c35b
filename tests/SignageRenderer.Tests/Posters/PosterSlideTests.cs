using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Posters;
using MppSignage.TestSupport;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.Posters.TestPosters;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Posters;

/// <summary>The poster slide, drawn for real: pixels sampled where the poster, its background and its caption band must be.</summary>
public sealed class PosterSlideTests : IDisposable
{
    private readonly LogCollector _logs = new();

    public static TheoryData<int, int> Sizes => new()
    {
        { 1920, 1080 }, // landscape TV
        { 1080, 1920 }, // portrait TV
        { 1280, 720 },  // a smaller configured size
        { 3840, 2160 }, // 4K
    };

    private static FooterModel Footer => new SignageSlides(Jakarta).Footer(J(2026, 12, 1, 9, 0), null);

    public void Dispose() => _logs.AssertNoUnexpectedErrors();

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Contain_PortraitPoster_FieldAtCentre_AutoBackgroundFromItsEdgeInTheLetterbox(int w, int h)
    {
        using var lib = Open(_logs, Make(600, 900, border: 12));
        var g = new ScreenGeometry(w, h);
        using var renderer = Renderer(g, lib.Posters);
        var slide = new PosterSlideModel(new PosterImage(lib.Hashes[0], PosterFit.Contain, "auto"), null, null, null, false);

        renderer.Render(slide, Footer, "MAL PELAYANAN PUBLIK");
        Save(renderer, $"contain-{w}x{h}");

        var area = FrameLayouter.PosterArea(g, band: false, strip: true);
        var frame = renderer.Frame;
        Assert.True(Near(At(frame, area.MidX, area.MidY), Field), $"centre {At(frame, area.MidX, area.MidY)} is not the poster's field");
        var poster = Assert.Single(renderer.CurrentLayout!.Body.OfType<PosterElement>());
        // The whole poster is shown, as large as fits, keeping its 2:3 shape.
        Assert.True(Math.Abs((poster.Dest.Width / poster.Dest.Height) - (600f / 900f)) < 0.01f, $"poster drawn at {poster.Dest}");
        Assert.True(poster.Dest.Height >= area.Height - 1 || poster.Dest.Width >= area.Width - 1, $"poster {poster.Dest} does not fill {area} in either direction");
        Assert.True(poster.Dest.Left >= 0 && poster.Dest.Top >= 0 && poster.Dest.Right <= area.Right && poster.Dest.Bottom <= area.Bottom);
        if (poster.Dest.Left >= 4)
        {
            // Letterbox at the side: the poster's edge colour, so the poster seems to continue.
            var x = (int)(poster.Dest.Left / 2);
            Assert.True(Near(At(frame, x, area.MidY), Border), $"letterbox {At(frame, x, area.MidY)} at x={x} is not the poster's edge colour {Border}");
        }
        else
        {
            var y = (int)(poster.Dest.Top / 2);
            Assert.True(poster.Dest.Top >= 4, $"a 2:3 poster on {g} must leave a letterbox; drawn at {poster.Dest}");
            Assert.True(Near(At(frame, area.MidX, y), Border), $"letterbox {At(frame, area.MidX, y)} at y={y} is not the poster's edge colour");
        }

        // The site's name is in the slim strip above the poster, never over it.
        var name = Assert.Single(renderer.CurrentLayout.Body.OfType<TextElement>(), t => t.Block.Lines.Any(l => l.Text.Contains("PELAYANAN", StringComparison.Ordinal)));
        Assert.True(name.Block.Bounds.Bottom <= FrameLayouter.PosterStrip(g).Bottom && poster.Dest.Top >= FrameLayouter.PosterStrip(g).Bottom, $"name {name.Block.Bounds}, poster {poster.Dest}, strip {FrameLayouter.PosterStrip(g)}");
    }

    [Theory]
    [InlineData("theme")]   // the theme's navy
    [InlineData("#224466")] // a colour the admin chose
    public void Contain_BackgroundThemeOrColour_FillsTheLetterbox(string background)
    {
        using var lib = Open(_logs, Make(600, 900));
        var g = new ScreenGeometry(1920, 1080);
        using var renderer = Renderer(g, lib.Posters);
        var expected = background == "theme" ? Theme.Navy : new SKColor(0x22, 0x44, 0x66);

        renderer.Render(new PosterSlideModel(new PosterImage(lib.Hashes[0], PosterFit.Contain, background), null, null, null, false), Footer, null);

        Assert.True(Near(At(renderer.Frame, 40, 400), expected, 2), $"letterbox {At(renderer.Frame, 40, 400)} is not {expected}");
        Assert.True(Near(At(renderer.Frame, 960, 470), Field));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Cover_FillsTheWholePosterArea_NoLetterbox(int w, int h)
    {
        // A square poster: wider than a portrait screen, taller than a landscape one — cropped either way.
        using var lib = Open(_logs, Make(800, 800));
        var g = new ScreenGeometry(w, h);
        using var renderer = Renderer(g, lib.Posters);

        renderer.Render(new PosterSlideModel(new PosterImage(lib.Hashes[0], PosterFit.Cover), null, null, null, false), Footer, null);
        Save(renderer, $"cover-{w}x{h}");

        var area = FrameLayouter.PosterArea(g, band: false, strip: false);
        var frame = renderer.Frame;
        foreach (var (x, y) in new[] { (2, 2), (area.Right - 3, 2), (2, area.Bottom - 3), (area.Right - 3, area.Bottom - 3), (area.MidX, area.MidY), (2, area.MidY), (area.MidX, 2) })
        {
            Assert.True(Near(At(frame, x, y), Field), $"({x},{y}) is {At(frame, x, y)}, not the poster: cover must leave no letterbox");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void CaptionBand_TitleBodyAndQr_InsideTheBandAndTheScreen_Readable(int w, int h)
    {
        using var lib = Open(_logs, Make(1080, 1350));
        var g = new ScreenGeometry(w, h);
        using var renderer = Renderer(g, lib.Posters);
        var slide = new PosterSlideModel(
            new PosterImage(lib.Hashes[0]),
            new LocalizedText("Layanan KTP elektronik di loket 5", "Electronic ID cards at counter 5"),
            new LocalizedText("Perekaman setiap hari kerja pukul 08.00–12.00 WIB, bawa Kartu Keluarga asli.", "Bring your original family card."),
            new QrItem("https://mpp.probolinggokota.go.id/ktp", null, null),
            false);

        renderer.Render(slide, Footer, null);
        Save(renderer, $"caption-{w}x{h}");

        var layout = renderer.CurrentLayout!;
        var band = FrameLayouter.PosterBand(g);
        var poster = Assert.Single(layout.Body.OfType<PosterElement>());
        Assert.True(poster.Dest.Bottom <= band.Top + 0.5f, $"poster {poster.Dest} runs into the band {band}");
        var texts = layout.Body.OfType<TextElement>().ToList();
        Assert.Contains(texts, t => t.Block.Lines.Any(l => l.Text.Contains("KTP", StringComparison.Ordinal)));
        Assert.Contains(texts, t => t.Block.Lines.Any(l => l.Text.Contains("Perekaman", StringComparison.Ordinal)));
        foreach (var t in texts)
        {
            Assert.True(t.Block.FontSize >= (FrameLayouter.MinimumReadableSize * g.Unit) - 0.01f, $"'{t.Block.Lines[0].Text}' at {t.Block.FontSize} px is below the readable minimum");
            foreach (var line in t.Block.Lines)
            {
                Assert.True(line.Box.Top >= band.Top && line.Box.Bottom <= band.Bottom, $"'{line.Text}' {line.Box} leaves the band {band}");
                Assert.True(line.Box.Left >= g.SafeArea.Left - 0.5f && line.Box.Right <= g.SafeArea.Right + 0.5f, $"'{line.Text}' {line.Box} leaves the safe area");
            }
        }

        var qr = Assert.Single(layout.Body.OfType<QrElement>());
        Assert.True(qr.Box.Top >= band.Top && qr.Box.Bottom <= band.Bottom && qr.Box.Right <= g.SafeArea.Right + 0.5f, $"QR {qr.Box} leaves the band {band}");
        Assert.All(texts.SelectMany(t => t.Block.Lines), l => Assert.True(SKRect.Intersect(l.Box, qr.Box).IsEmpty, $"'{l.Text}' overlaps the QR code"));
        // The band is drawn: its navy between the text and the poster.
        Assert.True(Near(At(renderer.Frame, 4, band.Top + 4), Theme.Navy, 2));
    }

    [Fact]
    public void MissingPoster_DrawsItsCaptionAsAnAnnouncement_NotABlackFrame()
    {
        using var lib = Open(_logs);
        var g = new ScreenGeometry(1920, 1080);
        using var renderer = Renderer(g, lib.Posters);
        var slide = new PosterSlideModel(new PosterImage(new string('a', 64)), new LocalizedText("Jadwal posyandu"), null, null, false);

        renderer.Render(slide, Footer, null);

        Assert.Empty(renderer.CurrentLayout!.Body.OfType<PosterElement>());
        Assert.Contains(renderer.CurrentLayout.AllLines, l => l.Text == "Jadwal posyandu");
        Assert.True(Near(At(renderer.Frame, 960, 100), Theme.Navy, 2));
    }
}
