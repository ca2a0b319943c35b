using MppSignage.Shared.Announcements;
using SkiaSharp;

namespace MppSignage.Imaging;

/// <summary>A poster decoded for one screen area. Dispose it (or keep it in a bounded cache and dispose on eviction).</summary>
/// <param name="Image">The decoded raster image, sized for the area (see <see cref="PosterDecoder.Decode"/>), or null when refused.</param>
/// <param name="EdgeColor">Average colour of the image's outermost pixels: the <c>"background":"auto"</c> colour for <c>contain</c>.</param>
/// <param name="Refusal">Why it could not be decoded.</param>
public sealed record PosterDecodeResult(SKImage? Image, SKColor EdgeColor, ImageRefusal? Refusal) : IDisposable
{
    /// <summary>True when decoded.</summary>
    public bool Ok => Image is not null;

    /// <inheritdoc />
    public void Dispose() => Image?.Dispose();
}

/// <summary>
/// The renderer's decode of a kept asset: straight to the size it is drawn at (sampled decoding, then one filtered
/// resize), within a pixel budget, so a poster costs its drawn size in memory and not its file's size.
/// </summary>
public static class PosterDecoder
{
    /// <summary>
    /// Decodes <paramref name="data"/> for an area of <paramref name="areaWidth"/>×<paramref name="areaHeight"/>:
    /// <see cref="PosterFit.Contain"/> gives the largest size that fits inside the area, <see cref="PosterFit.Cover"/> the
    /// smallest that covers it (draw it centred and clip to the area). Small images are enlarged to that size.
    /// </summary>
    public static PosterDecodeResult Decode(ReadOnlySpan<byte> data, int areaWidth, int areaHeight, PosterFit fit, ImageLimits? limits = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(areaWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(areaHeight, 1);
        limits ??= ImageLimits.Default;
        using var opened = OpenedImage.Open(data, limits, out var refusal);
        if (opened is null)
        {
            return new(null, SKColors.Black, refusal);
        }

        var (width, height) = FittedSize(opened.Info.ViewWidth, opened.Info.ViewHeight, areaWidth, areaHeight, fit);
        var bitmap = ImageDecoding.DecodeTo(opened, width, height, limits, out refusal);
        if (bitmap is null)
        {
            return new(null, SKColors.Black, refusal);
        }

        var edge = ImageDecoding.EdgeColor(bitmap);
        bitmap.SetImmutable();
        // FromBitmap on an immutable bitmap shares its pixels (no copy); the image keeps them alive.
        var image = SKImage.FromBitmap(bitmap);
        bitmap.Dispose();
        return new(image, edge, null);
    }

    /// <summary>The drawn size of a <paramref name="width"/>×<paramref name="height"/> image in an area, for <paramref name="fit"/>.</summary>
    public static (int Width, int Height) FittedSize(int width, int height, int areaWidth, int areaHeight, PosterFit fit)
    {
        var sx = (double)areaWidth / width;
        var sy = (double)areaHeight / height;
        var scale = fit == PosterFit.Cover ? Math.Max(sx, sy) : Math.Min(sx, sy);
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
