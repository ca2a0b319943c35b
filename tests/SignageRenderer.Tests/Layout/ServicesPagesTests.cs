using System.Text;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Text;
using MppSignage.TestSupport;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Layout;

/// <summary>
/// The services directory pages at a readable size: the page size comes from the screen's layout, every page
/// of the shipped 12-agency directory and of a 30-agency one stays inside the safe area with its number shown.
/// </summary>
public sealed class ServicesPagesTests
{
    private static readonly FrameLayouter Layouter = new(new TextFitter(Fonts), bilingual: true);

    private static Announcement Shipped()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "deploy-pi", "config", "services-directory.json"));
        var parsed = AnnouncementJson.ParseAnnouncement(bytes);
        Assert.True(parsed.Ok, string.Join("; ", parsed.Problems.Select(p => $"{p.Field}: {p.Reason}")));
        return parsed.Announcement!;
    }

    private static Announcement Thirty()
    {
        var shipped = Shipped();
        return shipped with { Services = Enumerable.Range(0, 30).Select(i => shipped.Services[i % shipped.Services.Count] with { Counter = $"Loket {i + 1}" }).ToList() };
    }

    public static TheoryData<int, int> Sizes => new() { { 1920, 1080 }, { 1080, 1920 }, { 1280, 720 }, { 768, 1024 } };

    [Fact]
    public void PerPage_FromLayout_FewerOnASmallPortraitScreen()
    {
        var landscape = Layouter.ServicesPerPage(new ScreenGeometry(1920, 1080));
        var smallPortrait = Layouter.ServicesPerPage(new ScreenGeometry(768, 1024));

        Assert.InRange(landscape, 4, AnnouncementLimits.MaxServicesPerPage);
        Assert.InRange(smallPortrait, 1, landscape - 1);
    }

    [Fact]
    public void PerPage_ALogoTakesRoom_NeverMore()
    {
        var logoPath = Path.Combine(RepoPaths.Root, "deploy-pi", "config", "logo.svg");
        Assert.True(Logo.TryLoad(logoPath, "Site:Logo", out var logo, out _));
        using var shipped = logo;
        var withLogo = new FrameLayouter(new TextFitter(Fonts), bilingual: true) { Logo = logo };

        foreach (var (w, h) in new[] { (1920, 1080), (1080, 1920) })
        {
            Assert.True(withLogo.ServicesPerPage(new ScreenGeometry(w, h)) <= Layouter.ServicesPerPage(new ScreenGeometry(w, h)));
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void EveryPage_Inside_Readable_Numbered(int w, int h)
    {
        var g = new ScreenGeometry(w, h);
        var perPage = Layouter.ServicesPerPage(g);
        foreach (var directory in new[] { Shipped(), Thirty() })
        {
            var pages = ServicesPaging.PageCount(directory, perPage);
            Assert.Equal((directory.Services.Count + perPage - 1) / perPage, pages);
            for (var p = 0; p < pages; p++)
            {
                var slide = SignageSlides.Announcement(directory, p, perPage);
                var footer = new SignageSlides(Jakarta).Footer(J(2024, 7, 1, 9, 0), null);
                var layout = Layouter.Layout(g, slide, footer, "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
                var lines = layout.AllLines.ToList();

                Assert.All(lines, l => Assert.True(g.SafeArea.Contains(l.Box) || Near(g.SafeArea, l.Box), $"'{l.Text}' at {l.Box} leaves {g.SafeArea}"));
                Assert.Contains(lines, l => l.Text == $"{p + 1}/{pages}");
                // Agency names stay well above the smallest readable size (one scale for the page's cards).
                var agencies = layout.Body.OfType<TextElement>().Where(t => ServicesPaging.Page(directory, p, perPage).Any(e => t.Block.Lines.Any(l => e.Agency.StartsWith(l.Text.TrimEnd(), StringComparison.Ordinal)))).ToList();
                Assert.NotEmpty(agencies);
                Assert.All(agencies, a => Assert.True(a.Block.FontSize >= FrameLayouter.MinimumReadableSize * g.Unit, $"agency at {a.Block.FontSize} px on {g}"));
            }
        }
    }

    private static bool Near(SkiaSharp.SKRect outer, SkiaSharp.SKRect box) =>
        box.Left >= outer.Left - 0.5f && box.Right <= outer.Right + 0.5f && box.Top >= outer.Top - 0.5f && box.Bottom <= outer.Bottom + 0.5f;

    [Fact]
    public void Composer_PagesTheDirectory_AsTheLayoutSays()
    {
        var g = new ScreenGeometry(1920, 1080);
        var perPage = Layouter.ServicesPerPage(g);
        var composer = new SlideComposer(ServiceOptions(hoursAndQr: false)) { ServicesPerPage = perPage };
        var snapshot = new SignageSnapshot(null, null, [Thirty()], null, 1);
        var t = J(2024, 7, 1, 9, 0);
        var pages = new HashSet<int>();
        for (var i = 0; i < 40; i++)
        {
            var frame = composer.Compose(snapshot, t);
            if (frame.Slide is ServicesSlideModel s)
            {
                Assert.Equal((30 + perPage - 1) / perPage, s.PageCount);
                Assert.True(s.Entries.Count <= perPage);
                pages.Add(s.Page);
            }

            t = frame.Selection.SlotEnd;
        }

        Assert.Equal(Enumerable.Range(1, (30 + perPage - 1) / perPage), pages.Order());
    }
}
