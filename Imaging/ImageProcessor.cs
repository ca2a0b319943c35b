using MppSignage.Shared.Announcements;
using SkiaSharp;

namespace MppSignage.Imaging;

/// <summary>How uploads are processed before they are kept and sent to screens.</summary>
/// <param name="ScreenWidth">Width of the largest configured screen (landscape; portrait screens are the same panel turned).</param>
/// <param name="ScreenHeight">Height of the largest configured screen.</param>
/// <param name="JpegQuality">JPEG quality of the re-encoded image (1–100).</param>
/// <param name="Limits">Header and decode limits.</param>
public sealed record ImageProcessingOptions(int ScreenWidth = 1920, int ScreenHeight = 1080, int JpegQuality = 85, ImageLimits? Limits = null)
{
    /// <summary>The defaults: a 1920×1080 screen, JPEG quality 85.</summary>
    public static ImageProcessingOptions Default { get; } = new();
}

/// <summary>An image as kept by the controller and sent to screens.</summary>
/// <param name="Bytes">The re-encoded file (no metadata).</param>
/// <param name="Format"><c>jpeg</c> (opaque images) or <c>png</c> (images with transparency).</param>
/// <param name="Width">Width as viewed.</param>
/// <param name="Height">Height as viewed.</param>
/// <param name="Sha256">SHA-256 of <paramref name="Bytes"/>, 64 lowercase hex digits: the asset's id.</param>
/// <param name="Note">What was done, for the uploader (resized, turned, first frame kept, re-encoded).</param>
/// <param name="Source">The header facts of the upload.</param>
public sealed record ProcessedImage(byte[] Bytes, string Format, int Width, int Height, string Sha256, string Note, ImageInfo Source)
{
    /// <summary>The file extension for <see cref="Format"/>: <c>.jpg</c> or <c>.png</c>.</summary>
    public string Extension => Format == "png" ? ".png" : ".jpg";
}

/// <summary>The result of <see cref="ImageProcessor.Process"/>.</summary>
/// <param name="Image">The processed image when accepted.</param>
/// <param name="Refusal">Why not.</param>
public sealed record ImageProcessResult(ProcessedImage? Image, ImageRefusal? Refusal)
{
    /// <summary>True when accepted.</summary>
    public bool Ok => Image is not null;
}

/// <summary>
/// Turns an upload into what screens get: probe (<see cref="ImageProbe"/>), sampled decode within the pixel budget,
/// EXIF orientation applied, downscaled so it still covers the largest screen in its own orientation (so both
/// <c>contain</c> and <c>cover</c> stay sharp), never upscaled, re-encoded as JPEG (PNG when it has transparency)
/// with no metadata. Refusals name the field and the reason; nothing throws for bad input.
/// </summary>
public static class ImageProcessor
{
    /// <summary>Processes <paramref name="data"/>.</summary>
    public static ImageProcessResult Process(ReadOnlySpan<byte> data, ImageProcessingOptions? options = null)
    {
        options ??= ImageProcessingOptions.Default;
        var limits = options.Limits ?? ImageLimits.Default;
        using var opened = OpenedImage.Open(data, limits, out var refusal);
        if (opened is null)
        {
            return new(null, refusal);
        }

        var info = opened.Info;
        var (width, height) = TargetSize(info.ViewWidth, info.ViewHeight, options.ScreenWidth, options.ScreenHeight);
        using var bitmap = ImageDecoding.DecodeTo(opened, width, height, limits, out refusal);
        if (bitmap is null)
        {
            return new(null, refusal);
        }

        var png = ImageDecoding.HasTransparency(bitmap);
        // Immutable: the image below shares the pixels rather than copying them.
        bitmap.SetImmutable();
        byte[] bytes;
        using (var image = SKImage.FromBitmap(bitmap))
        using (var encoded = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, png ? 100 : options.JpegQuality))
        {
            if (encoded is null)
            {
                return new(null, new("image", "the image could not be re-encoded; export it again as JPEG or PNG"));
            }

            bytes = encoded.ToArray();
        }

        var notes = new List<string>();
        if (info.ExifOrientation != 1)
        {
            notes.Add($"turned upright (EXIF orientation {info.ExifOrientation})");
        }

        if (info.IsAnimated)
        {
            notes.Add($"animated {info.Format.ToUpperInvariant()} ({info.FrameCount} frames): only the first frame is kept");
        }

        notes.Add(width == info.ViewWidth && height == info.ViewHeight
            ? $"{width}×{height} kept"
            : $"resized from {info.ViewWidth}×{info.ViewHeight} to {width}×{height}");
        notes.Add(png ? "re-encoded as PNG (it has transparency), metadata removed" : $"re-encoded as JPEG quality {options.JpegQuality}, metadata removed");
        var sha = PosterImage.Sha256Of(bytes);
        return new(new ProcessedImage(bytes, png ? "png" : "jpeg", width, height, sha, string.Join("; ", notes), info), null);
    }

    /// <summary>
    /// The size an image of <paramref name="viewWidth"/>×<paramref name="viewHeight"/> is kept at: the smallest that
    /// still covers the screen turned to the image's own orientation, and never larger than the original.
    /// </summary>
    public static (int Width, int Height) TargetSize(int viewWidth, int viewHeight, int screenWidth, int screenHeight)
    {
        var longSide = Math.Max(screenWidth, screenHeight);
        var shortSide = Math.Min(screenWidth, screenHeight);
        var (boxW, boxH) = viewWidth >= viewHeight ? (longSide, shortSide) : (shortSide, longSide);
        var scale = Math.Min(1.0, Math.Max((double)boxW / viewWidth, (double)boxH / viewHeight));
        return (Math.Max(1, (int)Math.Round(viewWidth * scale)), Math.Max(1, (int)Math.Round(viewHeight * scale)));
    }
}
