namespace MppSignage.Imaging;

/// <summary>What the header of an image says (nothing decoded).</summary>
/// <param name="Format"><c>jpeg</c>, <c>png</c>, <c>webp</c> or <c>gif</c>.</param>
/// <param name="Width">Width as stored (before EXIF orientation).</param>
/// <param name="Height">Height as stored.</param>
/// <param name="FrameCount">Frames (1 for a still image; more for an animated GIF or WebP).</param>
/// <param name="ExifOrientation">EXIF orientation 1–8 (1 = as stored; 6 = rotate 90° clockwise to view).</param>
public sealed record ImageInfo(string Format, int Width, int Height, int FrameCount, int ExifOrientation)
{
    /// <summary>True when the EXIF orientation turns the image by 90° (width and height swap on screen).</summary>
    public bool SwapsAxes => ExifOrientation is >= 5 and <= 8;

    /// <summary>Width as viewed (after EXIF orientation).</summary>
    public int ViewWidth => SwapsAxes ? Height : Width;

    /// <summary>Height as viewed (after EXIF orientation).</summary>
    public int ViewHeight => SwapsAxes ? Width : Height;

    /// <summary>True for an animated image (only its first frame is used).</summary>
    public bool IsAnimated => FrameCount > 1;
}

/// <summary>The result of <see cref="ImageProbe.Probe"/>: the header's facts, or the refusal.</summary>
/// <param name="Info">The facts when accepted.</param>
/// <param name="Refusal">Why not.</param>
public sealed record ImageProbeResult(ImageInfo? Info, ImageRefusal? Refusal)
{
    /// <summary>True when accepted.</summary>
    public bool Ok => Info is not null;
}
