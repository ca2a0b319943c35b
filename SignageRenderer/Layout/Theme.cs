using MppSignage.Shared.Signage;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>
/// Colours. White text on saturated or dark backgrounds; every pair used for text has a contrast ratio of
/// at least 4.5:1 (WCAG AA; the lowest, pale-blue English lines on green, is 4.9:1), most above 6:1, because the screen is read from a distance in a bright hall.
/// </summary>
public static class Theme
{
    /// <summary>Dark navy: hours, QR, announcement and services slides (white on it: 16.5:1).</summary>
    public static readonly SKColor Navy = new(0x0B, 0x1F, 0x3A);

    /// <summary>Cards on navy.</summary>
    public static readonly SKColor NavyCard = new(0x17, 0x33, 0x5C);

    /// <summary>Open: deep green (white on it: 6.6:1).</summary>
    public static readonly SKColor Open = new(0x0B, 0x6B, 0x3A);

    /// <summary>Closing soon: dark amber (white on it: 6.3:1).</summary>
    public static readonly SKColor ClosingSoon = new(0x9A, 0x4A, 0x00);

    /// <summary>Closed: deep red (white on it: 8.2:1).</summary>
    public static readonly SKColor Closed = new(0x9B, 0x1C, 0x1C);

    /// <summary>Unknown: slate (white on it: 10.4:1).</summary>
    public static readonly SKColor Unknown = new(0x33, 0x41, 0x55);

    /// <summary>Emergency announcement background (same red as closed).</summary>
    public static readonly SKColor Emergency = Closed;

    /// <summary>Main text.</summary>
    public static readonly SKColor Text = SKColors.White;

    /// <summary>Secondary text (English lines, sources) on dark backgrounds.</summary>
    public static readonly SKColor Secondary = new(0xD6, 0xDE, 0xEA);

    /// <summary>Accent: titles on navy (yellow on navy: 10.8:1).</summary>
    public static readonly SKColor Accent = new(0xFA, 0xCC, 0x15);

    /// <summary>Notice text on the status colours (pale yellow).</summary>
    public static readonly SKColor Notice = new(0xFE, 0xF0, 0x8A);

    /// <summary>Footer band: darkens whatever is behind it.</summary>
    public static readonly SKColor FooterBand = new(0x00, 0x00, 0x00, 0x66);

    /// <summary>Stale-data badge background.</summary>
    public static readonly SKColor WarningBadge = new(0xFA, 0xCC, 0x15);

    /// <summary>Stale-data badge text (near-black on yellow: 11.4:1).</summary>
    public static readonly SKColor WarningText = new(0x1A, 0x1A, 0x1A);

    /// <summary>QR modules.</summary>
    public static readonly SKColor QrDark = SKColors.Black;

    /// <summary>QR background card.</summary>
    public static readonly SKColor QrLight = SKColors.White;

    /// <summary>The background of the status slide for <paramref name="tone"/>.</summary>
    public static SKColor ForTone(StatusTone tone) => tone switch
    {
        StatusTone.Open => Open,
        StatusTone.ClosingSoon => ClosingSoon,
        StatusTone.Closed => Closed,
        _ => Unknown,
    };
}
