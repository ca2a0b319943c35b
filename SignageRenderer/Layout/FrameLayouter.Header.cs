using MppSignage.SignageRenderer.Drawing;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>The header strip of every slide: the site's logo and name.</summary>
public sealed partial class FrameLayouter
{
    /// <summary>Height of the header strip with a logo, in units: 72 px at 1080p, a logo recognisable from the door.</summary>
    public const float LogoHeight = 72f;

    /// <summary>Height of the logo in a poster slide's header strip, in units (the name beside it is at the readable minimum): two thirds of <see cref="LogoHeight"/>, so the poster keeps the rest.</summary>
    public const float PosterStripLogoHeight = 48f;

    /// <summary>The site's colours (section <c>Theme</c>).</summary>
    public Palette Palette { get; init; } = Palette.Default;

    /// <summary>The site's logo for the header (<c>Site:Logo</c>), or null for none.</summary>
    public Logo? Logo { get; init; }

    /// <summary>
    /// Lays out the header (logo on the left, the site's name beside it, both optional) at the top of
    /// <paramref name="content"/> and returns the area left below it.
    /// </summary>
    private SKRect LayoutHeader(List<LayoutElement> elements, ScreenGeometry g, SKRect content, string? header)
    {
        var u = g.Unit;
        var hasName = !string.IsNullOrWhiteSpace(header);
        if (Logo is null && !hasName)
        {
            return content;
        }

        var height = (Logo is null ? 48 : LogoHeight) * u;
        var strip = new SKRect(content.Left, content.Top, content.Right, content.Top + height);
        LayoutHeaderIn(elements, g, strip, header);
        return new SKRect(content.Left, strip.Bottom + (28 * u), content.Right, content.Bottom);
    }

    /// <summary>Whether a poster slide gets the slim header strip: when there is a logo or a name to show.</summary>
    private bool HasPosterStrip(string? header) => Logo is not null || !string.IsNullOrWhiteSpace(header);

    /// <summary>
    /// The slim header strip of a poster slide: the full width from the top edge to 8 units below a
    /// <see cref="PosterStripLogoHeight"/>-unit logo at the safe area's top (overscan never cuts the logo); the poster starts below it.
    /// </summary>
    public static SKRectI PosterStrip(ScreenGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return new SKRectI(0, 0, geometry.Width, (int)MathF.Round(geometry.SafeArea.Top + ((PosterStripLogoHeight + 8) * geometry.Unit)));
    }

    /// <summary>
    /// Lays out the poster slide's slim strip: its background, and the logo and name as in every slide's
    /// header, smaller (the logo <see cref="PosterStripLogoHeight"/> units high instead of <see cref="LogoHeight"/>, the name at the readable minimum).
    /// </summary>
    private void LayoutPosterStrip(List<LayoutElement> elements, ScreenGeometry g, string? header)
    {
        var u = g.Unit;
        var strip = PosterStrip(g);
        elements.Add(new FillElement(SKRect.Create(strip.Left, strip.Top, strip.Width, strip.Height), Palette.Background));
        var safe = g.SafeArea;
        LayoutHeaderIn(elements, g, new SKRect(safe.Left, safe.Top, safe.Right, safe.Top + (PosterStripLogoHeight * u)), header);
    }

    /// <summary>Puts the logo (as high as <paramref name="strip"/>, aspect kept, at most 40 % of its width) and the name into <paramref name="strip"/>.</summary>
    private void LayoutHeaderIn(List<LayoutElement> elements, ScreenGeometry g, SKRect strip, string? header)
    {
        var u = g.Unit;
        var height = strip.Height;
        var textArea = strip;
        if (Logo is not null)
        {
            // Wide logos (a wordmark) are capped at 40% of the width so the name keeps room.
            var h = (int)MathF.Round(height);
            var w = (int)MathF.Round(Math.Min(h * Logo.AspectRatio, strip.Width * 0.4f));
            h = Math.Min(h, (int)MathF.Round(w / Logo.AspectRatio));
            var top = (int)MathF.Round(strip.MidY - (h / 2f));
            var box = SKRectI.Create((int)MathF.Round(strip.Left), top, Math.Max(1, w), Math.Max(1, h));
            elements.Add(new LogoElement(box, Logo));
            textArea = new SKRect(box.Right + (24 * u), strip.Top, strip.Right, strip.Bottom);
        }

        if (!string.IsNullOrWhiteSpace(header))
        {
            AddText(elements, _fitter.Fit(new TextSpec(header, new TextStyle(MinimumReadableSize * u, true, Palette.Secondary, MaxLines: 1)), textArea, VerticalAlign.Center));
        }
    }
}
