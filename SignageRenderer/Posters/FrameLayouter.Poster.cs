using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Posters;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>The poster slide's layout (kept apart from the text slides').</summary>
public sealed partial class FrameLayouter
{
    /// <summary>Height of the caption band in units, landscape / portrait: a title line and two body lines at a readable size, or a QR code.</summary>
    public const float PosterBandLandscape = 210f;

    /// <summary>Portrait screens have height to spare: two title lines, two body lines and a larger QR code.</summary>
    public const float PosterBandPortrait = 380f;

    private readonly IPosterSource? _posters;

    /// <summary>The area a poster occupies on <paramref name="geometry"/>: the full width, below the header strip (if any, <see cref="PosterStrip"/>), above the footer and the caption band (if any).</summary>
    public static SKRectI PosterArea(ScreenGeometry geometry, bool band, bool strip)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var top = strip ? PosterStrip(geometry).Bottom : 0;
        var bottom = geometry.FooterRegion.Top;
        if (band)
        {
            bottom -= (int)MathF.Round((geometry.Portrait ? PosterBandPortrait : PosterBandLandscape) * geometry.Unit);
        }

        return new SKRectI(0, top, geometry.Width, bottom);
    }

    /// <summary>The caption band of a poster slide on <paramref name="geometry"/>: the full width between the poster and the footer.</summary>
    public static SKRectI PosterBand(ScreenGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new SKRectI(0, PosterArea(geometry, band: true, strip: false).Bottom, geometry.Width, geometry.FooterRegion.Top);
    }

    /// <summary>Asks the poster source for the poster of <paramref name="slide"/> (a poster slide) at the size it is drawn, e.g. to decode it ahead of its turn.</summary>
    public void PrefetchPoster(ScreenGeometry geometry, SlideModel slide, string? header)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (slide is PosterSlideModel p && _posters is not null)
        {
            var area = PosterArea(geometry, p.HasBand, HasPosterStrip(header));
            _posters.Poster(p.Image.Sha256, new SKSizeI(area.Width, area.Height), p.Image.Fit);
        }
    }

    /// <summary>Lays out a poster slide; null when the poster is not available (the caller draws its caption as text).</summary>
    private SKColor? LayoutPoster(List<LayoutElement> elements, ScreenGeometry g, PosterSlideModel p, string? header)
    {
        var strip = HasPosterStrip(header);
        var area = PosterArea(g, p.HasBand, strip);
        if (_posters?.Poster(p.Image.Sha256, new SKSizeI(area.Width, area.Height), p.Image.Fit) is not { } image)
        {
            return null;
        }

        SKRect source;
        SKRect dest;
        if (p.Image.Fit == PosterFit.Cover)
        {
            // The image covers the area: show its centre, cropped evenly on the overflowing sides.
            var w = Math.Min(image.Width, area.Width);
            var h = Math.Min(image.Height, area.Height);
            source = SKRect.Create((image.Width - w) / 2f, (image.Height - h) / 2f, w, h);
            dest = SKRect.Create(area.Left + ((area.Width - w) / 2f), area.Top + ((area.Height - h) / 2f), w, h);
            if (w < area.Width || h < area.Height)
            {
                // A source smaller than asked (should not happen): stretch the centre over the whole area.
                dest = area;
            }
        }
        else
        {
            // Whole image, centred, on whole pixels (drawn 1:1, so it stays sharp).
            var scale = Math.Min(1f, Math.Min((float)area.Width / image.Width, (float)area.Height / image.Height));
            var w = MathF.Round(image.Width * scale);
            var h = MathF.Round(image.Height * scale);
            source = SKRect.Create(0, 0, image.Width, image.Height);
            dest = SKRect.Create(MathF.Round(area.Left + ((area.Width - w) / 2f)), MathF.Round(area.Top + ((area.Height - h) / 2f)), w, h);
        }

        elements.Add(new PosterElement(image, source, dest));
        var background = p.Image.Fit == PosterFit.Cover || p.Image.IsThemeBackground ? Palette.Background
            : p.Image.BackgroundRgb is { } rgb ? new SKColor((uint)(0xFF000000 | (uint)rgb))
            : image.EdgeColor;

        if (p.HasBand)
        {
            LayoutPosterBand(elements, g, p);
        }

        if (strip)
        {
            // The site's logo and name, as on every slide, in a slim strip above the poster.
            LayoutPosterStrip(elements, g, header);
        }

        return background;
    }

    private void LayoutPosterBand(List<LayoutElement> elements, ScreenGeometry g, PosterSlideModel p)
    {
        var u = g.Unit;
        var band = PosterBand(g);
        var colour = p.Emergency ? Palette.Closed : Palette.Background;
        // The band and the footer below it read as one bar.
        elements.Add(new FillElement(SKRect.Create(0, band.Top, g.Width, g.Height - band.Top), colour));
        var pad = 20 * u;
        var safe = g.SafeArea;
        var text = new SKRect(safe.Left, band.Top + pad, safe.Right, band.Bottom - pad);
        if (p.Qr is not null)
        {
            var matrix = Qr(p.Qr.Url);
            // As tall as the band allows, but no more than a scannable 240 units: the rest is for the caption.
            var card = MathF.Floor(Math.Min(text.Height + pad, 240 * u));
            var quiet = 4 * u;
            var module = Math.Max(1, (int)MathF.Floor((card - (2 * quiet)) / matrix.Size));
            var side = module * matrix.Size;
            var cardRect = SKRect.Create(MathF.Round(safe.Right - card), MathF.Round(band.MidY - (card / 2)), card, card);
            elements.Add(new FillElement(cardRect, Theme.QrLight, 12 * u));
            elements.Add(new QrElement(new SKPointI((int)MathF.Round(cardRect.MidX - (side / 2f)), (int)MathF.Round(cardRect.MidY - (side / 2f))), module, matrix));
            text = new SKRect(text.Left, text.Top, cardRect.Left - (40 * u), text.Bottom);
        }

        // Candidates by importance; as many as fit at a readable size are shown, in reading order.
        var portrait = g.Portrait;
        var candidates = new List<(int Order, TextSpec Spec)>();
        void Candidate(int order, string? value, TextStyle style)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                candidates.Add((order, new TextSpec(value, style)));
            }
        }

        Candidate(0, p.Title?.Id, new TextStyle(60 * u, true, Palette.Text, MaxLines: portrait ? 2 : 1));
        Candidate(2, p.Body?.Id, new TextStyle(44 * u, false, Palette.Text, MaxLines: portrait ? 4 : 2, SpaceBefore: 0.25f));
        if (Bilingual)
        {
            Candidate(1, p.Title?.En, new TextStyle(40 * u, false, Palette.Secondary, MaxLines: 1, SpaceBefore: 0.1f));
            Candidate(3, p.Body?.En, new TextStyle(MinimumReadableSize * u, false, Palette.Secondary, MaxLines: 2, SpaceBefore: 0.2f));
        }

        if (candidates.Count == 0 && p.Qr?.Caption is { } caption)
        {
            Candidate(0, caption.Id, new TextStyle(44 * u, true, Palette.Text, MaxLines: 2));
        }

        if (candidates.Count == 0 || text.Width < 100 * u)
        {
            return;
        }

        var minimum = MinimumReadableSize * u;
        for (var n = candidates.Count; n > 0; n--)
        {
            var specs = candidates.Take(n).OrderBy(c => c.Order).Select(c => c.Spec).ToList();
            var blocks = _fitter.FitStack(specs, text, VerticalAlign.Center);
            if (n == 1 || blocks.All(b => b.Lines.Count == 0 || b.FontSize >= minimum - 0.01f))
            {
                AddTexts(elements, blocks);
                return;
            }
        }
    }

    /// <summary>A poster whose image is not available, drawn as an announcement of its caption (never a black frame).</summary>
    private static AnnouncementSlideModel PosterFallback(PosterSlideModel p) =>
        new(p.Emergency ? SignageWords.EmergencyAnnouncement : SignageWords.Announcement,
            p.Title ?? p.Qr?.Caption ?? new LocalizedText(""),
            p.Body,
            p.Qr,
            p.Emergency);
}
