namespace MppSignage.Imaging;

/// <summary>
/// What an image may be before any pixel is decoded. The defaults accept what halls make (a 24 MP phone photo,
/// an A4 poster at 300 dpi from Canva: 2480×3508) and refuse decompression bombs and strips.
/// </summary>
/// <param name="MaxSourcePixels">Largest width × height in the file's header (default 100 MP). A 30000×30000 PNG of a
/// few KB declares 900 MP and is refused here, from the header alone.</param>
/// <param name="MaxDecodePixels">Largest pixel buffer a decode may allocate after sampled decoding (default 16 MP = 64 MB
/// of RGBA). JPEG and WebP decode at 1/2, 1/4 or 1/8 of their size, so a 24 MP JPEG needs 6 MP or less for a 1080p
/// screen; a PNG or GIF cannot be sampled and counts its whole size.</param>
/// <param name="MaxAspectRatio">Longest side ÷ shortest side at most (default 8: a 1×100000 strip is refused).</param>
public sealed record ImageLimits(long MaxSourcePixels = ImageLimits.DefaultMaxSourcePixels, long MaxDecodePixels = ImageLimits.DefaultMaxDecodePixels, double MaxAspectRatio = ImageLimits.DefaultMaxAspectRatio)
{
    /// <summary>Default of <see cref="MaxSourcePixels"/>: 100 MP.</summary>
    public const long DefaultMaxSourcePixels = 100_000_000;

    /// <summary>Default of <see cref="MaxDecodePixels"/>: 16 MP (64 MB as RGBA).</summary>
    public const long DefaultMaxDecodePixels = 16 * 1024 * 1024;

    /// <summary>Default of <see cref="MaxAspectRatio"/>.</summary>
    public const double DefaultMaxAspectRatio = 8;

    /// <summary>The defaults.</summary>
    public static ImageLimits Default { get; } = new();
}
