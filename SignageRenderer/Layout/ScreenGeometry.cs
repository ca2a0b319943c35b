using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>
/// Sizes and areas of a screen. Typography is in units of <see cref="Unit"/> (1 at 1080 pixels on the short
/// side), so a 1920×1080 and a 1080×1920 screen use the same type sizes and a 4K screen doubles them.
/// </summary>
public sealed record ScreenGeometry
{
    /// <summary>Creates the geometry of a <paramref name="width"/>×<paramref name="height"/> screen.</summary>
    public ScreenGeometry(int width, int height)
    {
        if (width < 320 || height < 240 || width > 8192 || height > 8192)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"{width}x{height} is not a supported screen size (320x240 to 8192x8192).");
        }

        Width = width;
        Height = height;
        Unit = Math.Min(width, height) / 1080f;
        Portrait = height > width;

        // Televisions overscan: keep text 4.5% in from every edge (the "action safe" margin of broadcast practice).
        var insetX = MathF.Round(width * 0.045f);
        var insetY = MathF.Round(height * 0.045f);
        SafeArea = new SKRect(insetX, insetY, width - insetX, height - insetY);
        // Portrait footers have two rows (date, then the stale badge): the width is too narrow for both on one.
        var footerTop = (int)MathF.Floor(SafeArea.Bottom - ((Portrait ? 120 : 64) * Unit));
        FooterRegion = new SKRectI(0, footerTop - (int)MathF.Ceiling(20 * Unit), width, height);
        FooterTextArea = new SKRect(SafeArea.Left, footerTop, SafeArea.Right, SafeArea.Bottom);
        BodyArea = new SKRect(SafeArea.Left, SafeArea.Top, SafeArea.Right, FooterRegion.Top - (24 * Unit));
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>True when taller than wide.</summary>
    public bool Portrait { get; }

    /// <summary>Pixels per typographic unit.</summary>
    public float Unit { get; }

    /// <summary>Where text may go.</summary>
    public SKRect SafeArea { get; }

    /// <summary>The slide's area above the footer, inside the safe area.</summary>
    public SKRect BodyArea { get; }

    /// <summary>The footer band (full width, to the bottom edge): what a minute update redraws.</summary>
    public SKRectI FooterRegion { get; }

    /// <summary>Where the footer's text goes, inside the safe area.</summary>
    public SKRect FooterTextArea { get; }

    /// <summary>The whole screen.</summary>
    public SKRectI Bounds => new(0, 0, Width, Height);

    /// <summary>Parses <c>1920x1080</c>; returns null when malformed or out of range.</summary>
    public static ScreenGeometry? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().ToLowerInvariant().Split('x');
        if (parts.Length != 2
            || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w)
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
            || w < 320 || h < 240 || w > 8192 || h > 8192)
        {
            return null;
        }

        return new ScreenGeometry(w, h);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}";
}
