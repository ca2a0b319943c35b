using SkiaSharp;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>
/// A poster decoded for one box of one screen: already at the size it is drawn (fitted inside the box for
/// <c>contain</c>, covering it for <c>cover</c>), so a slide draws it 1:1. Owned by the cache that made it.
/// </summary>
public sealed class PosterImage : IDisposable
{
    /// <summary>Wraps <paramref name="image"/>; computes the average colour of its outermost pixels.</summary>
    public PosterImage(SKImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Image = image;
        EdgeColor = AverageEdge(image);
    }

    /// <summary>The pixels.</summary>
    public SKImage Image { get; }

    /// <summary>Width in pixels.</summary>
    public int Width => Image.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => Image.Height;

    /// <summary>The average colour of the outermost row and column on every side (the <c>auto</c> background).</summary>
    public SKColor EdgeColor { get; }

    /// <summary>Bytes of pixel memory held.</summary>
    public long Bytes => (long)Image.Width * Image.Height * 4;

    /// <inheritdoc />
    public void Dispose() => Image.Dispose();

    private static SKColor AverageEdge(SKImage image)
    {
        using var pixmap = image.PeekPixels();
        SKBitmap? copy = null;
        var source = pixmap;
        if (source is null)
        {
            // Not raster-backed (should not happen for decoded images): read a copy.
            copy = SKBitmap.FromImage(image);
            source = copy.PeekPixels();
        }

        try
        {
            long r = 0, g = 0, b = 0, n = 0;
            var w = source.Width;
            var h = source.Height;
            void Add(int x, int y)
            {
                var c = source.GetPixelColor(x, y);
                r += c.Red;
                g += c.Green;
                b += c.Blue;
                n++;
            }

            // Every 4th pixel of the border is plenty for an average and keeps this under a millisecond at 1080p.
            for (var x = 0; x < w; x += 4)
            {
                Add(x, 0);
                Add(x, h - 1);
            }

            for (var y = 0; y < h; y += 4)
            {
                Add(0, y);
                Add(w - 1, y);
            }

            return n == 0 ? SKColors.Black : new SKColor((byte)(r / n), (byte)(g / n), (byte)(b / n));
        }
        finally
        {
            if (copy is not null)
            {
                source.Dispose();
                copy.Dispose();
            }
        }
    }
}
