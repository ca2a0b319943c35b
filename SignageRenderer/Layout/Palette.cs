using MppSignage.Shared.Signage;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>
/// The site's colours (section <c>Theme</c>), used by the layouter wherever a slide's colour is the site's
/// choice; fixed signal colours (QR, stale badge, footer band) stay in <see cref="Theme"/>. The options check
/// every text/background pair against <see cref="MinimumContrast"/>.
/// </summary>
/// <param name="Background">Hours, QR, announcement and services slides.</param>
/// <param name="Card">Cards and rules on <paramref name="Background"/>.</param>
/// <param name="Text">Main text, on every background.</param>
/// <param name="Secondary">English lines and secondary text.</param>
/// <param name="Accent">Titles and counters on <paramref name="Background"/>.</param>
/// <param name="Open">Status slide while open.</param>
/// <param name="ClosingSoon">Status slide in the last hour before closing.</param>
/// <param name="Closed">Status slide while closed; emergency announcements.</param>
public sealed record Palette(SKColor Background, SKColor Card, SKColor Text, SKColor Secondary, SKColor Accent, SKColor Open, SKColor ClosingSoon, SKColor Closed)
{
    /// <summary>WCAG AA for normal text (4.5:1): the screen is read from metres away in a bright hall.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>The project's colours (<see cref="Theme"/>).</summary>
    public static readonly Palette Default = new(Theme.Navy, Theme.NavyCard, Theme.Text, Theme.Secondary, Theme.Accent, Theme.Open, Theme.ClosingSoon, Theme.Closed);

    /// <summary>The background of the status slide for <paramref name="tone"/>.</summary>
    public SKColor ForTone(StatusTone tone) => tone switch
    {
        StatusTone.Open => Open,
        StatusTone.ClosingSoon => ClosingSoon,
        StatusTone.Closed => Closed,
        _ => Theme.Unknown,
    };

    /// <summary>The WCAG 2 contrast ratio of two opaque colours (1 to 21).</summary>
    public static double Contrast(SKColor a, SKColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Relative luminance (WCAG 2, sRGB).</summary>
    public static double Luminance(SKColor c)
    {
        static double Channel(byte v)
        {
            var s = v / 255.0;
            return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(c.Red)) + (0.7152 * Channel(c.Green)) + (0.0722 * Channel(c.Blue));
    }
}
