using System.Text;
using SkiaSharp;

namespace MppSignage.Imaging;

/// <summary>
/// The one place an image's header is read (SKCodec: format, size, frames, EXIF orientation) and judged before any
/// pixel buffer exists. Every refusal names the field and says what to do; nothing here throws for bad input.
/// </summary>
public static class ImageProbe
{
    /// <summary>Formats accepted, by their wire name.</summary>
    public static IReadOnlyList<string> AcceptedFormats { get; } = ["jpeg", "png", "webp", "gif"];

    /// <summary>Reads the header of <paramref name="data"/> and checks it against <paramref name="limits"/>.</summary>
    public static ImageProbeResult Probe(ReadOnlySpan<byte> data, ImageLimits? limits = null)
    {
        using var opened = OpenedImage.Open(data, limits ?? ImageLimits.Default, out var refusal);
        return opened is null ? new(null, refusal) : new(opened.Info, null);
    }

    /// <summary>The wire name of a Skia format, or null when it is not accepted.</summary>
    internal static string? NameOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "jpeg",
        SKEncodedImageFormat.Png => "png",
        SKEncodedImageFormat.Webp => "webp",
        SKEncodedImageFormat.Gif => "gif",
        _ => null,
    };

    /// <summary>True when the bytes look like SVG (XML text naming an svg element) rather than a raster image.</summary>
    internal static bool LooksLikeSvg(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var text = Encoding.UTF8.GetString(head).TrimStart();
        return text.StartsWith('<') && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the bytes start like a JPEG, PNG, GIF or WebP file.</summary>
    internal static bool HasKnownSignature(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
        || data.StartsWith("GIF8"u8)
        || (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8));

    /// <summary>The size a PNG's IHDR or a GIF's screen descriptor declares (the codec will not open a 0×0 one), else nulls.</summary>
    internal static (int? Width, int? Height) DeclaredSize(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 24 && data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) && data[12..16].SequenceEqual("IHDR"u8))
        {
            return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data[16..]), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(data[20..]));
        }

        if (data.Length >= 10 && data.StartsWith("GIF8"u8))
        {
            return (System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(data[8..]));
        }

        return (null, null);
    }

    internal static ImageRefusal? Check(ImageInfo info, ImageLimits limits)
    {
        if (info.Width <= 0 || info.Height <= 0)
        {
            return new("image.size", $"the image is {info.Width}×{info.Height} pixels; it must have at least one pixel each way");
        }

        var pixels = (long)info.Width * info.Height;
        if (pixels > limits.MaxSourcePixels)
        {
            return new("image.pixels", $"the image declares {info.Width}×{info.Height} = {Megapixels(pixels)} MP; at most {Megapixels(limits.MaxSourcePixels)} MP are accepted (a file this small with that many pixels is a decompression bomb); export it at poster size, e.g. 2480×3508");
        }

        var ratio = (double)Math.Max(info.Width, info.Height) / Math.Min(info.Width, info.Height);
        if (ratio > limits.MaxAspectRatio)
        {
            return new("image.aspect", $"the image is {info.Width}×{info.Height}, {ratio:0.#} times longer one way than the other; at most {limits.MaxAspectRatio:0.#}:1 is accepted");
        }

        return null;
    }

    internal static string Megapixels(long pixels) => (pixels / 1_000_000.0).ToString(pixels >= 10_000_000 ? "0" : "0.#", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>An image whose header passed <see cref="ImageProbe"/>: the codec, ready to decode (disposes both).</summary>
internal sealed class OpenedImage : IDisposable
{
    private readonly SKData _data;

    private OpenedImage(SKData data, SKCodec codec, ImageInfo info)
    {
        _data = data;
        Codec = codec;
        Info = info;
    }

    public SKCodec Codec { get; }

    public ImageInfo Info { get; }

    public static OpenedImage? Open(ReadOnlySpan<byte> bytes, ImageLimits limits, out ImageRefusal? refusal)
    {
        if (bytes.IsEmpty)
        {
            refusal = new("image", "the payload is empty; send the bytes of a JPEG or PNG file");
            return null;
        }

        if (ImageProbe.LooksLikeSvg(bytes))
        {
            refusal = new("image.format", "SVG is not accepted: posters are raster images (and SVG can carry scripts); export it as PNG or JPEG");
            return null;
        }

        var data = SKData.CreateCopy(bytes);
        // Reads the header only: no pixel memory is allocated until GetPixels.
        // The codec takes ownership of the stream; the stream keeps a reference to the data.
        var stream = new SKMemoryStream(data);
        var codec = SKCodec.Create(stream, out var result);
        if (codec is null)
        {
            stream.Dispose();
            data.Dispose();
            refusal = ImageProbe.DeclaredSize(bytes) is ({ } w, { } h) && (w == 0 || h == 0)
                ? new("image.size", $"the image is {w}×{h} pixels; it must have at least one pixel each way")
                : result == SKCodecResult.IncompleteInput && ImageProbe.HasKnownSignature(bytes)
                    ? new("image.data", "the file ends inside its header (truncated); upload the whole file")
                    : new("image", "not an image that can be read (expected JPEG, PNG, WebP or GIF)");
            return null;
        }

        var format = ImageProbe.NameOf(codec.EncodedFormat);
        if (format is null)
        {
            var name = codec.EncodedFormat.ToString().ToUpperInvariant();
            codec.Dispose();
            data.Dispose();
            refusal = new("image.format", $"{name} is not accepted; use JPEG or PNG (WebP and GIF also work)");
            return null;
        }

        var info = new ImageInfo(format, codec.Info.Width, codec.Info.Height, Math.Max(1, codec.FrameCount), (int)codec.EncodedOrigin is >= 1 and <= 8 and var o ? o : 1);
        refusal = ImageProbe.Check(info, limits);
        if (refusal is not null)
        {
            codec.Dispose();
            data.Dispose();
            return null;
        }

        return new OpenedImage(data, codec, info);
    }

    public void Dispose()
    {
        Codec.Dispose();
        _data.Dispose();
    }
}
