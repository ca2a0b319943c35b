using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>The services directory: its cards, how many fit a page at a readable size, the page number.</summary>
public sealed partial class FrameLayouter
{
    private const float ServicesTitleHeight = 96;
    private const float ServicesGap = 28;
    private const float ServicesPad = 26;

    /// <summary>
    /// The entry a page is sized for: a typical MPP counter (an agency name of one line, a counter, two services,
    /// two documents, as most of a real directory's entries are). A card with more text shrinks the cards of its
    /// page together, a little; one with less leaves room.
    /// </summary>
    private static readonly ServiceEntry SizingEntry = new(
        "BPJS Ketenagakerjaan",
        "Loket 6",
        ["Klaim JHT", "Kepesertaan"],
        ["KTP", "Kartu peserta"]);

    private static readonly ServicesSlideModel SizingModel = new(SignageWords.Services, new EquatableList<ServiceEntry>([SizingEntry]), SignageWords.Services, SignageWords.Requirements);

    private readonly Dictionary<ScreenGeometry, int> _servicesPerPage = [];

    /// <summary>
    /// How many directory entries one services slide holds on <paramref name="geometry"/>: as many cards as fit the
    /// slide's area when each is as tall as <see cref="SizingEntry"/> needs at full (readable) size, in the column
    /// count of the orientation; at least 1, at most <see cref="AnnouncementLimits.MaxServicesPerPage"/>.
    /// </summary>
    public int ServicesPerPage(ScreenGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        lock (_servicesPerPage)
        {
            if (_servicesPerPage.TryGetValue(geometry, out var cached))
            {
                return cached;
            }

            var u = geometry.Unit;
            // The header as every slide has it (logo and name), so the page holds what the real slide holds.
            var content = LayoutHeader([], geometry, geometry.BodyArea, "MAL PELAYANAN PUBLIK");
            var rest = ServicesRest(geometry, content);
            var columns = ServicesColumns(geometry, AnnouncementLimits.MaxServicesPerPage);
            var gap = ServicesGap * u;
            var pad = ServicesPad * u;
            var cardWidth = (rest.Width - (gap * (columns - 1))) / columns;
            var inner = new SKRect(0, 0, cardWidth - (2 * pad), 100_000);
            var blocks = _fitter.FitStack(CardSpecs(SizingEntry, SizingModel, u), inner);
            var cardHeight = blocks[^1].Bounds.Bottom + (2 * pad);
            var rows = Math.Max(1, (int)MathF.Floor((rest.Height + gap) / (cardHeight + gap)));
            var perPage = Math.Clamp(rows * columns, 1, AnnouncementLimits.MaxServicesPerPage);
            _servicesPerPage[geometry] = perPage;
            return perPage;
        }
    }

    /// <summary>One column in portrait (narrow), two side by side in landscape.</summary>
    private static int ServicesColumns(ScreenGeometry g, int entries) => g.Portrait || entries == 1 ? 1 : 2;

    /// <summary>The cards' area below the title.</summary>
    private static SKRect ServicesRest(ScreenGeometry g, SKRect content) =>
        new(content.Left, content.Top + ((ServicesTitleHeight + 30) * g.Unit), content.Right, content.Bottom);

    /// <summary>The text of one card at full size: agency, counter, services, documents.</summary>
    private List<TextSpec> CardSpecs(ServiceEntry e, ServicesSlideModel v, float u)
    {
        var specs = new List<TextSpec> { new(e.Agency, new TextStyle(50 * u, true, Palette.Text)) };
        if (!string.IsNullOrWhiteSpace(e.Counter))
        {
            specs.Add(new TextSpec(e.Counter, new TextStyle(42 * u, true, Palette.Accent, SpaceBefore: 0.2f)));
        }

        if (e.Services.Count > 0)
        {
            specs.Add(new TextSpec($"{v.ServicesLabel.Id}: {string.Join(", ", e.Services)}", new TextStyle(MinimumReadableSize * u * 1.1f, false, Palette.Text, SpaceBefore: 0.4f)));
        }

        if (e.Requirements.Count > 0)
        {
            specs.Add(new TextSpec($"{v.RequirementsLabel.Id}: {string.Join(", ", e.Requirements)}", new TextStyle(MinimumReadableSize * u, false, Palette.Secondary, SpaceBefore: 0.35f)));
        }

        return specs;
    }

    /// <summary>Draws <c>2/3</c> at the right of the title row when the directory has several pages; returns the title's remaining area.</summary>
    private SKRect LayoutPageNumber(List<LayoutElement> elements, ScreenGeometry g, SKRect titleArea, ServicesSlideModel v)
    {
        if (v.PageCount <= 1)
        {
            return titleArea;
        }

        var u = g.Unit;
        var box = new SKRect(titleArea.Right - (220 * u), titleArea.Top, titleArea.Right, titleArea.Top + (76 * u * 1.25f));
        var text = $"{v.Page}/{v.PageCount}";
        AddText(elements, _fitter.Fit(new TextSpec(text, new TextStyle(60 * u, true, Palette.Text, TextAlign.Right, MaxLines: 1)), box, VerticalAlign.Center));
        return new SKRect(titleArea.Left, titleArea.Top, box.Left - (24 * u), titleArea.Bottom);
    }
}
