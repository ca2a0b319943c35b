using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Text;
using MppSignage.TestSupport;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Layout;

/// <summary>Text never leaves the safe area, whatever admins write, at both sizes.</summary>
public sealed class LayoutTests
{
    // Long Indonesian words and a long unbreakable token (a URL) at the maximum allowed lengths.
    private static readonly string LongTitle = Fill("Pemberitahuan penyesuaian jadwal perekaman KTP-el dan penerbitan dokumen kependudukan", AnnouncementLimits.MaxTitleLength);
    private static readonly string LongBody = Fill(
        "Sehubungan dengan pemeliharaan jaringan pusat data kependudukan, pelayanan perekaman KTP-el, penerbitan Kartu Keluarga, Akta Kelahiran dan Kartu Identitas Anak untuk sementara dipindahkan ke Loket 7 dan 8. Informasi selengkapnya: https://dispendukcapil.probolinggokota.go.id/pengumuman/penyesuaian-layanan-2024 ",
        AnnouncementLimits.MaxBodyLength);

    public static TheoryData<int, int> Sizes => new() { { 1920, 1080 }, { 1080, 1920 } };

    private static string Fill(string text, int length)
    {
        var s = text;
        while (s.Length < length)
        {
            s += " " + text;
        }

        return s[..length].TrimEnd();
    }

    private static void AssertInside(FrameLayout layout)
    {
        var safe = layout.Geometry.SafeArea;
        var lines = layout.AllLines.ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.True(
                line.Box.Left >= safe.Left - 0.5f && line.Box.Right <= safe.Right + 0.5f && line.Box.Top >= safe.Top - 0.5f && line.Box.Bottom <= safe.Bottom + 0.5f,
                $"'{line.Text}' at {line.Box} leaves the safe area {safe}");
        }

        // No two lines overlap (a shrunk stack must not collide with itself).
        for (var i = 0; i < lines.Count; i++)
        {
            for (var j = i + 1; j < lines.Count; j++)
            {
                var a = lines[i].Box;
                var b = lines[j].Box;
                var overlap = SKRect.Intersect(a, b);
                Assert.True(overlap.IsEmpty || overlap.Height < 2f, $"'{lines[i].Text}' {a} overlaps '{lines[j].Text}' {b}");
            }
        }
    }

    private static FrameLayout Layout(ScreenGeometry g, SlideModel slide, bool bilingual = true)
    {
        var fitter = new TextFitter(Fonts);
        var layouter = new FrameLayouter(fitter, bilingual);
        var footer = new SignageSlides(Jakarta).Footer(J(2024, 9, 30, 13, 59), J(2024, 9, 30, 13, 0));
        return layouter.Layout(g, slide, footer, "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Announcement_LongestAllowedText_StaysInsideAndReadable(int w, int h)
    {
        var g = new ScreenGeometry(w, h);
        var slide = new AnnouncementSlideModel(SignageWords.Announcement, new LocalizedText(LongTitle, LongTitle), new LocalizedText(LongBody, LongBody),
            new QrItem("https://wa.me/6281234567890", "WA SMART MPP", new LocalizedText(Fill("Tanya lewat WhatsApp", AnnouncementLimits.MaxCaptionLength))), false);

        var layout = Layout(g, slide);

        AssertInside(layout);
        // Every word of the body is drawn (shrunk and wrapped, never cut).
        var drawn = string.Join(" ", layout.AllLines.Select(l => l.Text));
        foreach (var word in LongBody.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(x => !x.StartsWith("https", StringComparison.Ordinal)))
        {
            Assert.Contains(word, drawn);
        }

        // Still readable from a few metres: the Indonesian body stays at least 20 px at 1080p.
        var body = layout.Body.OfType<TextElement>().First(t => t.Block.Lines.Any(l => LongBody.StartsWith(l.Text.Split(' ')[0], StringComparison.Ordinal) && l.Text.Length > 20));
        Assert.True(body.Block.FontSize >= 20, $"body shrunk to {body.Block.FontSize} px");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void UnbreakableWord_IsBrokenBetweenCharacters_NotClipped(int w, int h)
    {
        var g = new ScreenGeometry(w, h);
        var url = "https://example.go.id/" + new string('x', 250);
        var slide = new AnnouncementSlideModel(SignageWords.Announcement, new LocalizedText("Tautan"), new LocalizedText(url), null, false);

        var layout = Layout(g, slide);

        AssertInside(layout);
        Assert.Equal(url, string.Concat(layout.AllLines.Select(l => l.Text).Where(t => t.StartsWith("https", StringComparison.Ordinal) || t.All(c => c == 'x'))));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Services_FullDirectory_StaysInside(int w, int h)
    {
        var g = new ScreenGeometry(w, h);
        // The fullest page: MaxServicesPerPage entries of the longest allowed text (a directory pages beyond that).
        var entries = Enumerable.Range(1, AnnouncementLimits.MaxServicesPerPage).Select(i => new ServiceEntry(
            Fill($"Dinas Kependudukan dan Pencatatan Sipil {i}", AnnouncementLimits.MaxAgencyLength),
            Fill($"Loket {i}", AnnouncementLimits.MaxCounterLength),
            Enumerable.Repeat(Fill("Penerbitan dokumen kependudukan", AnnouncementLimits.MaxListItemLength), AnnouncementLimits.MaxListItems).ToList(),
            Enumerable.Repeat(Fill("Fotokopi Kartu Keluarga dilegalisir", AnnouncementLimits.MaxListItemLength), AnnouncementLimits.MaxListItems).ToList())).ToList();
        var slide = new ServicesSlideModel(new LocalizedText(LongTitle, LongTitle), entries, SignageWords.Services, SignageWords.Requirements);

        AssertInside(Layout(g, slide));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void StatusAndHours_RealWords_StayInside(int w, int h)
    {
        var g = new ScreenGeometry(w, h);
        var words = new SignageSlides(Jakarta);
        var status = words.Status(MppSignage.SignageRenderer.Preview.ScheduleStatus.Compute(Schedules.Default, J(2024, 6, 17, 10, 0)), J(2024, 6, 17, 10, 0));

        AssertInside(Layout(g, status));
        AssertInside(Layout(g, words.Hours(Schedules.Default, J(2024, 4, 1, 9, 0))));
        AssertInside(Layout(g, SignageSlides.Qr("6281234567890", "https://g.page/r/CabcdEFGhijkLMN/review")!));
    }

    [Fact]
    public void Headline_IsLarge_AndShrinksToTheWidthInPortrait()
    {
        var words = new SignageSlides(Jakarta);
        var status = words.Status(MppSignage.SignageRenderer.Preview.ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 5, 20, 0)), J(2024, 7, 5, 20, 0));

        var landscape = Layout(new ScreenGeometry(1920, 1080), status).Body.OfType<TextElement>().First(t => t.Block.Lines[0].Text == "TUTUP");
        var portrait = Layout(new ScreenGeometry(1080, 1920), status).Body.OfType<TextElement>().First(t => t.Block.Lines[0].Text == "TUTUP");

        // The headline is the biggest thing on the screen: over a fifth of the short side tall.
        Assert.True(landscape.Block.Bounds.Height > 1080 / 5f, $"headline only {landscape.Block.Bounds.Height} px tall");
        Assert.True(portrait.Block.Bounds.Width <= new ScreenGeometry(1080, 1920).SafeArea.Width + 0.5f);
    }

    [Fact]
    public void Fitter_ShortText_KeepsPreferredSize()
    {
        using var fitter = new TextFitter(Fonts);

        var block = fitter.Fit(new TextSpec("Halo", new TextStyle(60, false, SKColors.White)), new SKRect(0, 0, 1000, 500));

        Assert.Equal(60, block.FontSize, 3);
        Assert.Single(block.Lines);
    }

    [Fact]
    public void Fitter_NoWrapLine_ShrinksRatherThanWraps()
    {
        using var fitter = new TextFitter(Fonts);

        var block = fitter.Fit(new TextSpec("Senin–Kamis 08.00–14.00 WIB", new TextStyle(62, false, SKColors.White, NoWrap: true)), new SKRect(0, 0, 500, 400));

        Assert.Single(block.Lines);
        Assert.True(block.FontSize < 62);
        Assert.True(block.Bounds.Right <= 500.5f);
    }
}
