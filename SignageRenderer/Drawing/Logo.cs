using System.Xml;
using SkiaSharp;
using Svg.Skia;

namespace MppSignage.SignageRenderer.Drawing;

/// <summary>
/// The site's logo (<c>Site:Logo</c>), drawn in the header of every slide: a PNG, or an SVG drawn by Svg.Skia.
/// Loaded and checked once at start: a missing, oversized, corrupt or unsafe file (an SVG with script, event
/// handlers, a DTD or a reference to anything outside itself) is refused with the key and the reason. Kept as
/// a picture or bitmap and rasterised once per drawn size.
/// </summary>
public sealed class Logo : IDisposable
{
    /// <summary>Largest logo file: a logo is a few kilobytes; anything this large is a photo or a mistake.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Largest PNG side: checked on the header before decoding, so a decompression bomb is never expanded.</summary>
    public const int MaxPixelSide = 4096;

    private readonly SKPicture? _picture;
    private readonly SKBitmap? _bitmap;
    private readonly object _gate = new();
    private SKImage? _raster;

    private Logo(SKPicture? picture, SKBitmap? bitmap, float width, float height, string description)
    {
        _picture = picture;
        _bitmap = bitmap;
        Width = width;
        Height = height;
        Description = description;
    }

    /// <summary>Natural width (pixels, or SVG user units).</summary>
    public float Width { get; }

    /// <summary>Natural height.</summary>
    public float Height { get; }

    /// <summary>Width ÷ height.</summary>
    public float AspectRatio => Width / Height;

    /// <summary>For the log: the kind and natural size.</summary>
    public string Description { get; }

    /// <summary>Loads and checks <paramref name="path"/>; false with the reason (naming <paramref name="key"/>) instead of throwing.</summary>
    public static bool TryLoad(string path, string key, out Logo? logo, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        logo = null;
        error = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = $"{key}: logo file '{path}' does not exist; give the path of the site's logo (PNG or SVG) or leave {key} empty for none.";
                return false;
            }

            if (info.Length > MaxFileBytes)
            {
                error = $"{key}: logo file '{path}' is {info.Length} bytes, more than {MaxFileBytes} ({MaxFileBytes / 1024} KiB); export the logo smaller (an SVG, or a PNG of at most {MaxPixelSide} px a side).";
                return false;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"{key}: cannot read logo file '{path}' ({ex.Message}).";
            return false;
        }

        var isSvg = path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || LooksLikeXml(bytes);
        error = isSvg ? LoadSvg(bytes, out logo) : LoadRaster(bytes, out logo);
        if (error is not null)
        {
            error = $"{key}: logo file '{path}' {error}";
            return false;
        }

        return true;
    }

    /// <summary>The logo drawn at <paramref name="width"/>×<paramref name="height"/> pixels (transparent around it), cached for that size.</summary>
    public SKImage Raster(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        lock (_gate)
        {
            if (_raster is { } r && r.Width == width && r.Height == height)
            {
                return r;
            }

            using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul))
                ?? throw new InvalidOperationException($"SkiaSharp could not make a {width}x{height} surface for the logo.");
            var canvas = surface.Canvas;
            canvas.Clear(SKColors.Transparent);
            var scale = Math.Min(width / Width, height / Height);
            canvas.Translate((width - (Width * scale)) / 2, (height - (Height * scale)) / 2);
            canvas.Scale(scale);
            if (_picture is not null)
            {
                canvas.Translate(-_picture.CullRect.Left, -_picture.CullRect.Top);
                canvas.DrawPicture(_picture);
            }
            else
            {
                using var image = SKImage.FromBitmap(_bitmap!);
                canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell));
            }

            canvas.Flush();
            _raster?.Dispose();
            _raster = surface.Snapshot();
            return _raster;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _raster?.Dispose();
        _picture?.Dispose();
        _bitmap?.Dispose();
    }

    private static bool LooksLikeXml(byte[] bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 256)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<');
    }

    private static string? LoadRaster(byte[] bytes, out Logo? logo)
    {
        logo = null;
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return "is neither a PNG nor an SVG image (its bytes are no image SkiaSharp can read).";
        }

        if (codec.EncodedFormat != SKEncodedImageFormat.Png)
        {
            return $"is a {codec.EncodedFormat} image; the logo must be a PNG (transparent background) or an SVG.";
        }

        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if (w < 1 || h < 1 || w > MaxPixelSide || h > MaxPixelSide)
        {
            return $"is {w}x{h} pixels; a logo must be 1 to {MaxPixelSide} pixels a side.";
        }

        if (Math.Max(w, h) / (double)Math.Min(w, h) > 20)
        {
            return $"is {w}x{h} pixels, more than 20 times as wide as high (or the reverse): that is no logo that fits a header.";
        }

        var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Bgra8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return $"is a truncated or corrupt PNG (decoding stopped: {result}).";
        }

        logo = new Logo(null, bitmap, w, h, $"PNG {w}x{h}");
        return null;
    }

    private static string? LoadSvg(byte[] bytes, out Logo? logo)
    {
        logo = null;
        if (UnsafeSvg(bytes) is { } unsafeReason)
        {
            return unsafeReason;
        }

        var svg = new SKSvg();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var picture = svg.Load(stream);
            var cull = picture?.CullRect ?? SKRect.Empty;
            if (picture is null || cull.Width <= 0 || cull.Height <= 0)
            {
                return "is an SVG that draws nothing (no size or no shapes); give it a width/height or viewBox and shapes.";
            }

            if (Math.Max(cull.Width, cull.Height) / Math.Min(cull.Width, cull.Height) > 20)
            {
                return $"is an SVG of {cull.Width}x{cull.Height}, more than 20 times as wide as high (or the reverse): that is no logo that fits a header.";
            }

            // Record the drawing again into a picture of our own, so nothing of the SVG document is kept.
            using var recorder = new SKPictureRecorder();
            var canvas = recorder.BeginRecording(cull);
            canvas.DrawPicture(picture);
            logo = new Logo(recorder.EndRecording(), null, cull.Width, cull.Height, $"SVG {cull.Width:0}x{cull.Height:0}");
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Svg.Skia throws whatever its parser meets (XmlException, FormatException, …): all mean "not a usable SVG".
            return $"is not an SVG Svg.Skia can draw ({ex.GetType().Name}: {ex.Message}).";
        }
        finally
        {
            svg.Dispose();

            // The SVG document model (Svg.Custom) is garbage now (the picture above is all that is kept): one
            // compacting collection at start returns its heap. Svg.Skia's code stays loaded: an SVG logo costs
            // a few MB of resident code that a PNG logo does not (docs/signage.md).
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>
    /// Why the SVG must not be drawn, or null. A logo is shapes and text: script, event handlers, a DTD
    /// (entity expansion), foreign HTML, and any reference outside the file (a link, an image, a font, a
    /// stylesheet) are refused, so the logo can neither run code nor make the screen fetch anything.
    /// </summary>
    internal static string? UnsafeSvg(byte[] bytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = MaxFileBytes,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var name = reader.LocalName;
                    if (root && !string.Equals(name, "svg", StringComparison.Ordinal))
                    {
                        return $"is XML whose root is <{name}>, not an SVG (<svg>).";
                    }

                    root = false;
                    if (name.Equals("script", StringComparison.OrdinalIgnoreCase))
                    {
                        return "is an SVG with a <script> element; a logo must not contain script (export it as plain shapes).";
                    }

                    if (name.Equals("foreignObject", StringComparison.OrdinalIgnoreCase))
                    {
                        return "is an SVG with a <foreignObject> (embedded HTML); export the logo as plain shapes.";
                    }

                    for (var i = 0; i < reader.AttributeCount; i++)
                    {
                        reader.MoveToAttribute(i);
                        if (AttributeProblem(reader.LocalName, reader.Value) is { } problem)
                        {
                            return $"is an SVG whose <{name}> {problem}";
                        }
                    }

                    reader.MoveToElement();
                }
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && ExternalCss(reader.Value))
                {
                    return "is an SVG whose style sheet refers to another file (url(…) or @import); a logo must be self-contained.";
                }
            }

            return root ? "is empty XML, not an SVG." : null;
        }
        catch (XmlException ex)
        {
            return ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "is an SVG with a DTD (<!DOCTYPE>/<!ENTITY>), which is refused (entity expansion); remove the DOCTYPE line."
                : $"is not well-formed XML ({ex.Message}).";
        }
    }

    private static string? AttributeProblem(string name, string value)
    {
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
        {
            return $"has an event handler ({name}=…); a logo must not contain script.";
        }

        if (name.Equals("href", StringComparison.Ordinal) && !value.TrimStart().StartsWith('#'))
        {
            return $"refers to '{Shared.Input.UntrustedText.ForLog(value.Length > 60 ? value[..60] + "…" : value)}' outside the file; a logo must be self-contained (embed the shape, not a link).";
        }

        return ExternalCss(value) ? $"has a style ({name}) that refers to another file; a logo must be self-contained." : null;
    }

    private static bool ExternalCss(string text)
    {
        if (text.Contains("@import", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        for (var i = text.IndexOf("url(", StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf("url(", i + 4, StringComparison.OrdinalIgnoreCase))
        {
            var rest = text.AsSpan(i + 4).TrimStart().TrimStart("'\"");
            if (!rest.StartsWith("#"))
            {
                return true;
            }
        }

        return false;
    }
}
