using MppSignage.SignageRenderer.Drawing;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>The header strip of every slide: the site's logo and name.</summary>
public sealed partial class FrameLayouter
{
    /// <summary>Height of the header strip with a logo, in units: 72 px at 1080p, a logo recognisable from the door.</summary>
    public const float LogoHeight = 72f;

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
        var textArea = strip;
        if (Logo is not null)
        {
            // Wide logos (a wordmark) are capped at 40% of the width so the name keeps room.
            var h = (int)MathF.Round(height);
            var w = (int)MathF.Round(Math.Min(h * Logo.AspectRatio, content.Width * 0.4f));
            h = Math.Min(h, (int)MathF.Round(w / Logo.AspectRatio));
            var top = (int)MathF.Round(strip.MidY - (h / 2f));
            var box = SKRectI.Create((int)MathF.Round(strip.Left), top, Math.Max(1, w), Math.Max(1, h));
            elements.Add(new LogoElement(box, Logo));
            textArea = new SKRect(box.Right + (24 * u), strip.Top, strip.Right, strip.Bottom);
        }

        if (hasName)
        {
            AddText(elements, _fitter.Fit(new TextSpec(header!, new TextStyle(MinimumReadableSize * u, true, Palette.Secondary, MaxLines: 1)), textArea, VerticalAlign.Center));
        }

        return new SKRect(content.Left, strip.Bottom + (28 * u), content.Right, content.Bottom);
    }
}
