using SkiaSharp;

namespace MppSignage.Imaging;

/// <summary>
/// The one decode path of <see cref="ImageProcessor"/> and <see cref="PosterDecoder"/>: sampled decoding (the
/// codec's own 1/2, 1/4, 1/8 scales, so a 24 MP JPEG for a 1080p screen never becomes a 24 MP buffer), a pixel
/// budget checked before the buffer is allocated, EXIF orientation, then one filtered resize to the exact size.
/// </summary>
internal static class ImageDecoding
{
    // Within 2× (what sampled decoding leaves for JPEG/WebP) bilinear is enough and costs no mipmaps: measured on a
    // 24 MP JPEG → 1920×1280 here, 30–40 ms against 250–280 ms and ~30 MB more with mipmaps. Larger reductions (PNG,
    // which cannot be sampled) need the mipmaps, or the result aliases.
    private static readonly SKSamplingOptions Bilinear = new(SKFilterMode.Linear, SKMipmapMode.None);
    private static readonly SKSamplingOptions Mipmapped = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>Decodes <paramref name="image"/> to <paramref name="width"/>×<paramref name="height"/> as viewed (EXIF applied); null with the refusal when it cannot.</summary>
    public static SKBitmap? DecodeTo(OpenedImage image, int width, int height, ImageLimits limits, out ImageRefusal? refusal)
    {
        var codec = image.Codec;
        var info = image.Info;
        if ((long)width * height > limits.MaxDecodePixels)
        {
            refusal = new("image.pixels", $"the result would be {width}×{height} = {ImageProbe.Megapixels((long)width * height)} MP; the decode budget is {ImageProbe.Megapixels(limits.MaxDecodePixels)} MP");
            return null;
        }

        // The size needed in the file's own (unrotated) axes.
        var (needW, needH) = info.SwapsAxes ? (height, width) : (width, height);
        var size = new SKSizeI(info.Width, info.Height);
        foreach (var divisor in (ReadOnlySpan<int>)[8, 4, 2])
        {
            var scaled = codec.GetScaledDimensions(1f / divisor);
            if (scaled.Width >= needW && scaled.Height >= needH && scaled.Width < info.Width)
            {
                size = scaled;
                break;
            }
        }

        var decodePixels = (long)size.Width * size.Height;
        if (decodePixels > limits.MaxDecodePixels)
        {
            refusal = new("image.pixels", $"decoding this {info.Format.ToUpperInvariant()} needs a {size.Width}×{size.Height} = {ImageProbe.Megapixels(decodePixels)} MP buffer; the budget is {ImageProbe.Megapixels(limits.MaxDecodePixels)} MP ({(info.Format is "jpeg" or "webp" ? "even at 1/8 scale" : "PNG and GIF cannot be decoded at a reduced size")}); export it smaller, e.g. at most 4000×4000");
            return null;
        }

        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var decodeInfo = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(decodeInfo))
        {
            decoded.Dispose();
            refusal = new("image.pixels", $"no memory for a {size.Width}×{size.Height} decode buffer; try again later or export the image smaller");
            return null;
        }

        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        refusal = result switch
        {
            SKCodecResult.Success => null,
            SKCodecResult.IncompleteInput => new("image.data", $"the {info.Format.ToUpperInvariant()} data ends early (truncated file); upload the whole file"),
            SKCodecResult.ErrorInInput => new("image.data", $"the {info.Format.ToUpperInvariant()} data is corrupt; export the image again"),
            _ => new("image.data", $"the {info.Format.ToUpperInvariant()} cannot be decoded ({result}); export it again as JPEG or PNG"),
        };
        if (refusal is not null)
        {
            decoded.Dispose();
            return null;
        }

        if (size.Width == width && size.Height == height && info.ExifOrientation == 1)
        {
            return decoded;
        }

        using (decoded)
        {
            var output = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, decodeInfo.AlphaType));
            using var canvas = new SKCanvas(output);
            canvas.Clear(SKColors.Transparent);
            var oriented = Orientation(info.ExifOrientation, size.Width, size.Height);
            var (viewW, viewH) = info.SwapsAxes ? (size.Height, size.Width) : (size.Width, size.Height);
            canvas.SetMatrix(SKMatrix.Concat(SKMatrix.CreateScale((float)width / viewW, (float)height / viewH), oriented));
            // Immutable first: SKImage.FromBitmap then shares the pixels instead of copying them.
            decoded.SetImmutable();
            using var source = SKImage.FromBitmap(decoded);
            using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
            var reduction = Math.Max((double)viewW / width, (double)viewH / height);
            canvas.DrawImage(source, 0, 0, reduction > 2 ? Mipmapped : Bilinear, paint);
            canvas.Flush();
            return output;
        }
    }

    /// <summary>The matrix that maps a stored <paramref name="w"/>×<paramref name="h"/> image to its view under EXIF orientation <paramref name="exif"/>.</summary>
    internal static SKMatrix Orientation(int exif, int w, int h) => exif switch
    {
        2 => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),   // mirrored left-right
        3 => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),  // turned 180°
        4 => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),   // mirrored top-bottom
        5 => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),    // transposed
        6 => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),   // turn 90° clockwise to view (a phone held upright)
        7 => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),  // transversed
        8 => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),   // turn 90° counter-clockwise to view
        _ => SKMatrix.Identity,
    };

    /// <summary>True when any pixel of <paramref name="bitmap"/> is not fully opaque.</summary>
    public static bool HasTransparency(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque)
        {
            return false;
        }

        var span = bitmap.GetPixelSpan();
        // PlatformColorType is 32-bit BGRA or RGBA: alpha is the fourth byte of each pixel either way.
        for (var i = 3; i < span.Length; i += 4)
        {
            if (span[i] != 255)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The average colour of the outermost pixels (a background that continues the image's edge).</summary>
    public static SKColor EdgeColor(SKBitmap bitmap)
    {
        long r = 0, g = 0, b = 0, n = 0;
        void Add(int x, int y)
        {
            var c = bitmap.GetPixel(x, y);
            r += c.Red;
            g += c.Green;
            b += c.Blue;
            n++;
        }

        var stepX = Math.Max(1, bitmap.Width / 64);
        var stepY = Math.Max(1, bitmap.Height / 64);
        for (var x = 0; x < bitmap.Width; x += stepX)
        {
            Add(x, 0);
            Add(x, bitmap.Height - 1);
        }

        for (var y = 0; y < bitmap.Height; y += stepY)
        {
            Add(0, y);
            Add(bitmap.Width - 1, y);
        }

        return n == 0 ? SKColors.Black : new SKColor((byte)(r / n), (byte)(g / n), (byte)(b / n));
    }
}
