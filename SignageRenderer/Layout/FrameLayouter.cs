using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Posters;
using MppSignage.SignageRenderer.Text;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>
/// Turns slide models into measured elements for a screen size. Pure apart from text measurement: the same
/// model and size always give the same layout, and every text line lies inside the safe area (the fitter
/// shrinks and wraps, never clips). Sizes are in typographic units (<see cref="ScreenGeometry.Unit"/>).
/// </summary>
public sealed partial class FrameLayouter
{
    /// <summary>The least ink gap between the headline's glyphs (× size): about 12 px at 1080p, clearly apart from 5 m.</summary>
    public const float HeadlineInkGap = 0.04f;

    /// <summary>
    /// The smallest text on a visitor-facing slide, in units (px at 1080 on the short side): 36 px is about
    /// 18 mm on a 43" screen, cap height ~13 mm, readable from 5 m. Layouts give fewer lines rather than smaller ones.
    /// </summary>
    public const float MinimumReadableSize = 36f;

    // A slide title with its English line (84 + 46 units, at their line pitch) fits without shrinking the English.
    private float TitleHeight => Bilingual ? 156 : 104;

    private readonly TextFitter _fitter;
    private readonly Dictionary<string, QrMatrix> _qrCache = new(StringComparer.Ordinal);

    /// <summary>Creates a layouter.</summary>
    /// <param name="fitter">Text measurement and fitting.</param>
    /// <param name="bilingual">Show English second lines where the model has them.</param>
    /// <param name="posters">Decoded posters for poster slides; null: poster slides show their caption as text.</param>
    public FrameLayouter(TextFitter fitter, bool bilingual, IPosterSource? posters = null)
    {
        ArgumentNullException.ThrowIfNull(fitter);
        _fitter = fitter;
        Bilingual = bilingual;
        _posters = posters;
    }

    /// <summary>Whether English second lines are shown.</summary>
    public bool Bilingual { get; }

    /// <summary>Lays out a whole frame.</summary>
    public FrameLayout Layout(ScreenGeometry geometry, SlideModel slide, FooterModel footer, string? header)
    {
        var (background, body) = LayoutBody(geometry, slide, header);
        return new FrameLayout(geometry, background, body, LayoutFooter(geometry, footer));
    }

    /// <summary>Lays out the slide (background colour and elements, including the footer band's background).</summary>
    public (SKColor Background, IReadOnlyList<LayoutElement> Elements) LayoutBody(ScreenGeometry geometry, SlideModel slide, string? header)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(slide);
        var elements = new List<LayoutElement>();
        if (slide is PosterSlideModel poster && LayoutPoster(elements, geometry, poster, header) is { } posterBackground)
        {
            // The poster fills the screen below a slim header strip (logo and name) and above the footer.
            elements.Insert(0, FooterBand(geometry));
            return (posterBackground, elements);
        }

        var content = LayoutHeader(elements, geometry, geometry.BodyArea, header);

        var background = slide switch
        {
            StatusSlideModel s => LayoutStatus(elements, geometry, content, s),
            HoursSlideModel h => LayoutHours(elements, geometry, content, h),
            QrSlideModel q => LayoutQr(elements, geometry, content, q),
            AnnouncementSlideModel a => LayoutAnnouncement(elements, geometry, content, a),
            ServicesSlideModel v => LayoutServices(elements, geometry, content, v),
            PosterSlideModel p => LayoutAnnouncement(elements, geometry, content, PosterFallback(p)),
            _ => throw new ArgumentException($"No layout for slide model {slide.GetType().Name}.", nameof(slide)),
        };

        // The footer band's background belongs to the body: a minute update restores it from the cached frame.
        elements.Insert(0, FooterBand(geometry));
        return (background, elements);
    }

    private static FillElement FooterBand(ScreenGeometry geometry) =>
        new(SKRect.Create(geometry.FooterRegion.Left, geometry.FooterRegion.Top, geometry.FooterRegion.Width, geometry.FooterRegion.Height), Theme.FooterBand);

    /// <summary>Lays out the footer's content: date and time on the left, a stale-data badge on the right.</summary>
    public IReadOnlyList<LayoutElement> LayoutFooter(ScreenGeometry geometry, FooterModel footer)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(footer);
        var u = geometry.Unit;
        var area = geometry.FooterTextArea;
        var elements = new List<LayoutElement>();
        SKRect dateArea;
        SKRect? warningArea = null;
        if (footer.Warning is null)
        {
            dateArea = area;
        }
        else if (geometry.Portrait)
        {
            // Portrait is narrow: date on one row, the badge on the row below.
            var mid = area.Top + (area.Height / 2);
            dateArea = new SKRect(area.Left, area.Top, area.Right, mid - (4 * u));
            warningArea = new SKRect(area.Left, mid + (4 * u), area.Right, area.Bottom);
        }
        else
        {
            var split = area.Left + (area.Width * 0.5f);
            dateArea = new SKRect(area.Left, area.Top, split - (24 * u), area.Bottom);
            warningArea = new SKRect(split, area.Top, area.Right, area.Bottom);
        }

        AddText(elements, _fitter.Fit(new TextSpec(footer.DateTime, new TextStyle(46 * u, true, Palette.Text, MaxLines: 1)), dateArea, VerticalAlign.Center));
        if (footer.Warning is not null && warningArea is { } w)
        {
            var pad = 16 * u;
            var inner = new SKRect(w.Left + pad, w.Top + (pad / 2), w.Right - pad, w.Bottom - (pad / 2));
            var text = Bilingual && footer.Warning.En is not null ? $"{footer.Warning.Id} / {footer.Warning.En}" : footer.Warning.Id;
            var align = geometry.Portrait ? TextAlign.Left : TextAlign.Right;
            var block = _fitter.Fit(new TextSpec(text, new TextStyle(34 * u, true, Theme.WarningText, align, MaxLines: 1)), inner, VerticalAlign.Center);
            var b = block.Bounds;
            elements.Add(new FillElement(new SKRect(b.Left - pad, w.Top, b.Right + pad, w.Bottom), Theme.WarningBadge, 10 * u));
            AddText(elements, block);
        }

        return elements;
    }

    private SKColor LayoutStatus(List<LayoutElement> elements, ScreenGeometry g, SKRect content, StatusSlideModel s)
    {
        var u = g.Unit;
        var specs = new List<TextSpec>();
        Add(specs, s.Headline, new TextStyle(300 * u, true, Palette.Text, TextAlign.Center, MaxLines: 1, LineSpacing: 1f, MinInkGap: HeadlineInkGap),
            new TextStyle(84 * u, true, Palette.Secondary, TextAlign.Center, MaxLines: 1, SpaceBefore: 0.05f));
        Add(specs, s.Primary, new TextStyle(84 * u, true, Palette.Text, TextAlign.Center, SpaceBefore: 0.55f),
            new TextStyle(50 * u, false, Palette.Secondary, TextAlign.Center, SpaceBefore: 0.15f));
        foreach (var d in s.Details)
        {
            Add(specs, d, new TextStyle(60 * u, false, Palette.Text, TextAlign.Center, SpaceBefore: 0.5f),
                new TextStyle(42 * u, false, Palette.Secondary, TextAlign.Center, SpaceBefore: 0.12f));
        }

        Add(specs, s.Notice, new TextStyle(60 * u, true, Theme.Notice, TextAlign.Center, SpaceBefore: 0.7f),
            new TextStyle(42 * u, false, Theme.Notice, TextAlign.Center, SpaceBefore: 0.12f));
        AddTexts(elements, _fitter.FitStack(specs, content, VerticalAlign.Center));
        return Palette.ForTone(s.Tone);
    }

    private SKColor LayoutHours(List<LayoutElement> elements, ScreenGeometry g, SKRect content, HoursSlideModel h)
    {
        var u = g.Unit;
        var titleArea = new SKRect(content.Left, content.Top, content.Right, content.Top + (TitleHeight * u));
        AddTexts(elements, _fitter.FitStack(Specs(h.Title, new TextStyle(84 * u, true, Palette.Accent, MaxLines: 1), null), titleArea));
        var rest = new SKRect(content.Left, titleArea.Bottom + (36 * u), content.Right, content.Bottom);

        var week = new List<TextSpec>();
        for (var i = 0; i < h.Week.Count; i++)
        {
            Add(week, h.Week[i], new TextStyle(62 * u, false, Palette.Text, SpaceBefore: i == 0 ? 0 : 0.4f, NoWrap: true),
                new TextStyle(42 * u, false, Palette.Secondary, SpaceBefore: 0.1f, NoWrap: true));
        }

        // The decree reference (h.Source) is not drawn: it is noise for visitors (staff see it in `hours check`).
        // Holidays: as many as fit at a readable size, the nearest first.
        List<TextSpec> Holidays(int count, bool first)
        {
            var specs = new List<TextSpec>();
            if (h.HolidaysTitle is not null && count > 0)
            {
                Add(specs, h.HolidaysTitle, new TextStyle(54 * u, true, Palette.Accent, SpaceBefore: first ? 0 : 1.0f),
                    new TextStyle(40 * u, false, Palette.Secondary, SpaceBefore: 0.1f));
                foreach (var d in h.Holidays.Take(count))
                {
                    Add(specs, d, new TextStyle(50 * u, false, Palette.Text, SpaceBefore: 0.5f),
                        new TextStyle(40 * u, false, Palette.Secondary, SpaceBefore: 0.1f));
                }
            }

            return specs;
        }

        var minimum = MinimumReadableSize * u;
        if (!g.Portrait && h.HolidaysTitle is not null && h.Holidays.Count > 0)
        {
            // Landscape: the week on the left, holidays on the right.
            var gap = 64 * u;
            var leftArea = new SKRect(rest.Left, rest.Top, rest.Left + (rest.Width * 0.58f) - (gap / 2), rest.Bottom);
            var rightArea = new SKRect(leftArea.Right + gap, rest.Top, rest.Right, rest.Bottom);
            AddTexts(elements, _fitter.FitStack(week, leftArea));
            elements.Add(new FillElement(new SKRect(leftArea.Right + (gap / 2) - (2 * u), rest.Top, leftArea.Right + (gap / 2) + (2 * u), rest.Bottom), Palette.Card));
            AddTexts(elements, FitReadable(n => Holidays(n, first: true), h.Holidays.Count, rightArea, minimum));
        }
        else
        {
            AddTexts(elements, FitReadable(n => [.. week, .. Holidays(n, first: false)], h.Holidays.Count, rest, minimum));
        }

        return Palette.Background;
    }

    private SKColor LayoutQr(List<LayoutElement> elements, ScreenGeometry g, SKRect content, QrSlideModel q)
    {
        var u = g.Unit;
        var titleArea = new SKRect(content.Left, content.Top, content.Right, content.Top + (TitleHeight * u));
        AddTexts(elements, _fitter.FitStack(Specs(q.Title, new TextStyle(80 * u, true, Palette.Accent, TextAlign.Center, MaxLines: 1), null), titleArea));
        var rest = new SKRect(content.Left, titleArea.Bottom + (40 * u), content.Right, content.Bottom);
        var n = Math.Max(1, q.Items.Count);
        var gap = 60 * u;
        for (var i = 0; i < q.Items.Count; i++)
        {
            SKRect cell;
            if (g.Portrait)
            {
                var h = (rest.Height - (gap * (n - 1))) / n;
                cell = new SKRect(rest.Left, rest.Top + (i * (h + gap)), rest.Right, rest.Top + (i * (h + gap)) + h);
            }
            else
            {
                var w = (rest.Width - (gap * (n - 1))) / n;
                cell = new SKRect(rest.Left + (i * (w + gap)), rest.Top, rest.Left + (i * (w + gap)) + w, rest.Bottom);
            }

            LayoutQrCell(elements, g, cell, q.Items[i], textHeight: 230 * u);
        }

        return Palette.Background;
    }

    private void LayoutQrCell(List<LayoutElement> elements, ScreenGeometry g, SKRect cell, QrItem item, float textHeight)
    {
        var u = g.Unit;
        var matrix = Qr(item.Url);
        // The matrix carries its own 4-module quiet zone; the card adds only a sliver.
        var pad = 4 * u;
        var card = MathF.Floor(Math.Min(cell.Width, cell.Height - textHeight - (24 * u)));
        var module = Math.Max(1, (int)MathF.Floor((card - (2 * pad)) / matrix.Size));
        var side = module * matrix.Size;
        var cardRect = SKRect.Create(MathF.Round(cell.MidX - (card / 2)), MathF.Round(cell.Top), card, card);
        var origin = new SKPointI((int)MathF.Round(cardRect.MidX - (side / 2f)), (int)MathF.Round(cardRect.MidY - (side / 2f)));
        elements.Add(new FillElement(cardRect, Theme.QrLight, 16 * u));
        elements.Add(new QrElement(origin, module, matrix));

        var textArea = new SKRect(cell.Left, cardRect.Bottom + (24 * u), cell.Right, cell.Bottom);
        if (textArea.Height < 8 * u)
        {
            return;
        }

        var specs = new List<TextSpec>();
        if (!string.IsNullOrWhiteSpace(item.Label))
        {
            specs.Add(new TextSpec(item.Label, new TextStyle(58 * u, true, Palette.Text, TextAlign.Center, MaxLines: 1)));
        }

        Add(specs, item.Caption, new TextStyle(44 * u, false, Palette.Text, TextAlign.Center, SpaceBefore: 0.25f),
            new TextStyle(MinimumReadableSize * u, false, Palette.Secondary, TextAlign.Center, SpaceBefore: 0.1f));
        if (specs.Count > 0)
        {
            AddTexts(elements, _fitter.FitStack(specs, textArea));
        }
    }

    private SKColor LayoutAnnouncement(List<LayoutElement> elements, ScreenGeometry g, SKRect content, AnnouncementSlideModel a)
    {
        var u = g.Unit;
        var textArea = content;
        if (a.Qr is not null)
        {
            SKRect cell;
            if (g.Portrait)
            {
                var split = content.Top + (content.Height * 0.56f);
                textArea = new SKRect(content.Left, content.Top, content.Right, split - (30 * u));
                cell = new SKRect(content.Left, split + (30 * u), content.Right, content.Bottom);
            }
            else
            {
                var split = content.Left + (content.Width * 0.62f);
                textArea = new SKRect(content.Left, content.Top, split - (40 * u), content.Bottom);
                cell = new SKRect(split + (40 * u), content.Top + (20 * u), content.Right, content.Bottom);
            }

            LayoutQrCell(elements, g, cell, a.Qr, textHeight: 130 * u);
        }

        var specs = new List<TextSpec>();
        Add(specs, a.Kicker, new TextStyle(44 * u, true, Palette.Accent, MaxLines: 1),
            new TextStyle(32 * u, true, Palette.Accent, MaxLines: 1, SpaceBefore: 0.1f));
        Add(specs, a.Title, new TextStyle(104 * u, true, Palette.Text, SpaceBefore: 0.35f),
            new TextStyle(56 * u, false, Palette.Secondary, SpaceBefore: 0.15f));
        Add(specs, a.Body, new TextStyle(62 * u, false, Palette.Text, SpaceBefore: 0.6f, LineSpacing: 1.12f),
            new TextStyle(44 * u, false, Palette.Secondary, SpaceBefore: 0.5f, LineSpacing: 1.12f));
        AddTexts(elements, _fitter.FitStack(specs, textArea, VerticalAlign.Center));
        return a.Emergency ? Palette.Closed : Palette.Background;
    }

    private SKColor LayoutServices(List<LayoutElement> elements, ScreenGeometry g, SKRect content, ServicesSlideModel v)
    {
        var u = g.Unit;
        var titleArea = new SKRect(content.Left, content.Top, content.Right, content.Top + (ServicesTitleHeight * u));
        titleArea = LayoutPageNumber(elements, g, titleArea, v);
        AddTexts(elements, _fitter.FitStack(Specs(v.Title, new TextStyle(76 * u, true, Palette.Accent, MaxLines: 1), null), titleArea));
        var rest = ServicesRest(g, content);
        var n = v.Entries.Count;
        if (n == 0)
        {
            return Palette.Background;
        }

        var columns = ServicesColumns(g, n);
        var rows = (n + columns - 1) / columns;
        var gap = ServicesGap * u;
        var pad = ServicesPad * u;
        var cellW = (rest.Width - (gap * (columns - 1))) / columns;
        var cellH = (rest.Height - (gap * (rows - 1))) / rows;
        var cells = new List<(SKRect Inner, List<TextSpec> Specs)>();
        for (var i = 0; i < n; i++)
        {
            var col = i % columns;
            var row = i / columns;
            var cell = SKRect.Create(rest.Left + (col * (cellW + gap)), rest.Top + (row * (cellH + gap)), cellW, cellH);
            elements.Add(new FillElement(cell, Palette.Card, 18 * u));
            var specs = CardSpecs(v.Entries[i], v, u);
            cells.Add((new SKRect(cell.Left + pad, cell.Top + pad, cell.Right - pad, cell.Bottom - pad), specs));
        }

        // One scale for every card, so the directory reads as one table rather than a ransom note.
        var scale = 1f;
        foreach (var (inner, specs) in cells)
        {
            var blocks = _fitter.FitStack(specs, inner);
            scale = Math.Min(scale, blocks[0].FontSize / specs[0].Style.Size);
        }

        foreach (var (inner, specs) in cells)
        {
            var scaled = specs.Select(s => s with { Style = s.Style with { Size = s.Style.Size * scale } }).ToList();
            AddTexts(elements, _fitter.FitStack(scaled, inner));
        }

        return Palette.Background;
    }

    /// <summary>
    /// Fits the stack built for <paramref name="count"/> items, with one item fewer each time until every
    /// block is at least <paramref name="minimum"/>: fewer lines rather than unreadable ones.
    /// </summary>
    private IReadOnlyList<TextBlock> FitReadable(Func<int, List<TextSpec>> build, int count, SKRect area, float minimum)
    {
        for (var n = count; ; n--)
        {
            var blocks = _fitter.FitStack(build(n), area);
            if (n == 0 || blocks.All(b => b.Lines.Count == 0 || b.FontSize >= minimum - 0.01f))
            {
                return blocks;
            }
        }
    }

    private List<TextSpec> Specs(LocalizedText text, TextStyle id, TextStyle? en)
    {
        var specs = new List<TextSpec>();
        Add(specs, text, id, en ?? id with { Size = id.Size * 0.55f, Bold = false, Color = Palette.Secondary });
        return specs;
    }

    private void Add(List<TextSpec> specs, LocalizedText? text, TextStyle id, TextStyle en)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Id))
        {
            return;
        }

        specs.Add(new TextSpec(text.Id, id));
        if (Bilingual && !string.IsNullOrWhiteSpace(text.En))
        {
            specs.Add(new TextSpec(text.En, en));
        }
    }

    private static void AddText(List<LayoutElement> elements, TextBlock block)
    {
        if (block.Lines.Count > 0)
        {
            elements.Add(new TextElement(block));
        }
    }

    private static void AddTexts(List<LayoutElement> elements, IEnumerable<TextBlock> blocks)
    {
        foreach (var b in blocks)
        {
            AddText(elements, b);
        }
    }

    private QrMatrix Qr(string url)
    {
        if (!_qrCache.TryGetValue(url, out var matrix))
        {
            if (_qrCache.Count > 64)
            {
                _qrCache.Clear();
            }

            matrix = QrMatrix.Create(url);
            _qrCache[url] = matrix;
        }

        return matrix;
    }
}
