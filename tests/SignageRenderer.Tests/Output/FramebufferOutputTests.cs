using MppSignage.SignageRenderer.Output;
using MppSignage.TestSupport;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Output;

/// <summary>The framebuffer writer against a plain file standing in for /dev/fb0, with sysfs files beside it.</summary>
public sealed class FramebufferOutputTests : IDisposable
{
    private readonly string _dir = TempDir.Create("signage");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Device, FramebufferGeometry Geometry) Fake(int width, int height, int bpp, int stride)
    {
        var sysfs = Path.Combine(_dir, "fb0");
        Directory.CreateDirectory(sysfs);
        File.WriteAllText(Path.Combine(sysfs, "virtual_size"), $"{width},{height}\n");
        File.WriteAllText(Path.Combine(sysfs, "bits_per_pixel"), $"{bpp}\n");
        File.WriteAllText(Path.Combine(sysfs, "stride"), $"{stride}\n");
        var device = Path.Combine(_dir, "fb0.raw");
        // Fill with a marker so untouched padding is visible.
        File.WriteAllBytes(device, Enumerable.Repeat((byte)0xAB, stride * height).ToArray());
        var geometry = FramebufferGeometry.TryRead(sysfs, out var error);
        Assert.Null(error);
        return (device, geometry!);
    }

    private static SKBitmap Frame(int w, int h)
    {
        var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Bgra8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(0x12, 0x34, 0x56));
        bitmap.SetPixel(0, 0, new SKColor(0xFF, 0x00, 0x00));
        bitmap.SetPixel(1, 0, new SKColor(0x00, 0xFF, 0x00));
        bitmap.SetPixel(2, 0, new SKColor(0x00, 0x00, 0xFF));
        bitmap.SetPixel(3, 0, SKColors.White);
        bitmap.SetPixel(w - 1, h - 1, new SKColor(0x80, 0x40, 0x20));
        return bitmap;
    }

    [Fact]
    public void Xrgb8888_PaddedStride_ExactBytes()
    {
        const int w = 10, h = 4, stride = 48; // 40 bytes of pixels + 8 bytes of padding per row
        var (device, fb) = Fake(w, h, 32, stride);
        using var frame = Frame(w, h);

        using (var output = new FramebufferOutput(device, fb, w, h))
        {
            output.Write(frame, new SKRectI(0, 0, w, h));
        }

        var bytes = File.ReadAllBytes(device);
        Assert.Equal(stride * h, bytes.Length);
        // Little-endian XRGB8888: B, G, R, X.
        Assert.Equal(new byte[] { 0x00, 0x00, 0xFF, 0xFF }, bytes[0..4]);   // red
        Assert.Equal(new byte[] { 0x00, 0xFF, 0x00, 0xFF }, bytes[4..8]);   // green
        Assert.Equal(new byte[] { 0xFF, 0x00, 0x00, 0xFF }, bytes[8..12]);  // blue
        Assert.Equal(new byte[] { 0x56, 0x34, 0x12, 0xFF }, bytes[16..20]); // background
        // Row 1 starts at the stride, not at width × 4.
        Assert.Equal(new byte[] { 0x56, 0x34, 0x12, 0xFF }, bytes[stride..(stride + 4)]);
        // Padding is the writer's own zeroed staging, never the previous content mixed with pixels.
        Assert.All(bytes[40..48], b => Assert.Equal(0, b));
        var last = ((h - 1) * stride) + ((w - 1) * 4);
        Assert.Equal(new byte[] { 0x20, 0x40, 0x80, 0xFF }, bytes[last..(last + 4)]);
    }

    [Fact]
    public void Rgb565_PaddedStride_ExactBytes()
    {
        const int w = 10, h = 4, stride = 32; // 20 bytes of pixels + 12 of padding
        var (device, fb) = Fake(w, h, 16, stride);
        using var frame = Frame(w, h);

        using (var output = new FramebufferOutput(device, fb, w, h))
        {
            output.Write(frame, new SKRectI(0, 0, w, h));
        }

        var bytes = File.ReadAllBytes(device);
        ushort At(int x, int y) => BitConverter.ToUInt16(bytes, (y * stride) + (x * 2));
        Assert.Equal(0xF800, At(0, 0)); // red
        Assert.Equal(0x07E0, At(1, 0)); // green
        Assert.Equal(0x001F, At(2, 0)); // blue
        Assert.Equal(0xFFFF, At(3, 0)); // white
        // 0x12,0x34,0x56 → r 0x12>>3=2, g 0x34>>2=13, b 0x56>>3=10 → 2<<11 | 13<<5 | 10 = 0x11AA.
        Assert.Equal(0x11AA, At(4, 0));
        Assert.Equal(0x11AA, At(0, 1));
        // 0x80,0x40,0x20 → 16<<11 | 16<<5 | 4 = 0x8204.
        Assert.Equal(0x8204, At(w - 1, h - 1));
        Assert.Equal(new byte[] { 0x00, 0xF8 }, bytes[0..2]); // little-endian on the wire
    }

    [Fact]
    public void DirtyRegion_WritesOnlyItsRows()
    {
        const int w = 8, h = 6, stride = 32;
        var (device, fb) = Fake(w, h, 32, stride);
        using var frame = Frame(w, h);

        using (var output = new FramebufferOutput(device, fb, w, h))
        {
            output.Write(frame, new SKRectI(0, 4, w, 6));
        }

        var bytes = File.ReadAllBytes(device);
        Assert.All(bytes[0..(4 * stride)], b => Assert.Equal(0xAB, b)); // rows 0-3 untouched
        Assert.Equal(new byte[] { 0x56, 0x34, 0x12, 0xFF }, bytes[(4 * stride)..((4 * stride) + 4)]);
    }

    [Fact]
    public void PortraitFrameOnLandscapeFramebuffer_RotatesWhenConfigured()
    {
        const int w = 6, h = 4; // framebuffer 6x4; frames 4x6
        var (device, fb) = Fake(w, h, 32, w * 4);
        using var frame = new SKBitmap(new SKImageInfo(h, w, SKColorType.Bgra8888, SKAlphaType.Opaque));
        frame.Erase(SKColors.Black);
        frame.SetPixel(0, 0, new SKColor(0xFF, 0, 0)); // top-left of the portrait frame

        Assert.Throws<InvalidOperationException>(() => new FramebufferOutput(device, fb, h, w, rotate: 0));
        using (var output = new FramebufferOutput(device, fb, h, w, rotate: 90))
        {
            output.Write(frame, new SKRectI(0, 0, h, w));
        }

        // Turned 90° clockwise, the portrait top-left lands at the landscape top-right.
        var bytes = File.ReadAllBytes(device);
        var topRight = (w - 1) * 4;
        Assert.Equal(new byte[] { 0x00, 0x00, 0xFF, 0xFF }, bytes[topRight..(topRight + 4)]);
    }

    [Theory]
    // 24 bpp is not supported
    [InlineData("1920,1080", "24", "5760", "bits_per_pixel")]
    // stride shorter than a row
    [InlineData("1920,1080", "32", "1000", "stride")]
    // malformed size
    [InlineData("1920x1080", "32", "7680", "virtual_size")]
    public void Geometry_BadSysfs_NamesTheFile(string size, string bpp, string stride, string file)
    {
        var sysfs = Path.Combine(_dir, "bad");
        Directory.CreateDirectory(sysfs);
        File.WriteAllText(Path.Combine(sysfs, "virtual_size"), size);
        File.WriteAllText(Path.Combine(sysfs, "bits_per_pixel"), bpp);
        File.WriteAllText(Path.Combine(sysfs, "stride"), stride);

        Assert.Null(FramebufferGeometry.TryRead(sysfs, out var error));
        Assert.Contains(file, error);
    }

    [Fact]
    public void Geometry_MissingSysfs_SaysWhatToCheck()
    {
        Assert.Null(FramebufferGeometry.TryRead(Path.Combine(_dir, "none"), out var error));
        Assert.Contains("Display:FramebufferSysfs", error);
    }
}
