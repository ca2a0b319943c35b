using MppSignage.SignageRenderer.Output;
using MppSignage.TestSupport;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Output;

/// <summary>
/// The cross-fade blends only what differs: per row the span from the first to the last differing pixel, so
/// the header, the footer and the unchanged margins of a slide change cost nothing (a real framebuffer file).
/// </summary>
public sealed class FadeSpanTests : IDisposable
{
    private const int W = 320;
    private const int H = 240;
    private static readonly SKColor Navy = new(0x10, 0x20, 0x40);
    private static readonly SKColor Red = new(0xF0, 0x20, 0x20);
    private readonly string _dir = TempDir.Create("fade-span");

    public void Dispose() => TempDir.TryDelete(_dir);

    private static SKBitmap Frame(SKColor background, params (SKRectI Rect, SKColor Colour)[] marks)
    {
        var bitmap = new SKBitmap(new SKImageInfo(W, H, SKColorType.Bgra8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(background);
        foreach (var (rect, colour) in marks)
        {
            using var paint = new SKPaint { Color = colour };
            canvas.DrawRect(SKRect.Create(rect.Left, rect.Top, rect.Width, rect.Height), paint);
        }

        canvas.Flush();
        return bitmap;
    }

    private (FramebufferOutput Output, string Device, FramebufferGeometry Fb) Open(int bpp)
    {
        var device = Path.Combine(_dir, $"fb{bpp}");
        // A padded stride, as some drivers have: the span must be found and blended in device rows.
        var fb = new FramebufferGeometry(W, H, bpp, (W * bpp / 8) + 64);
        File.WriteAllBytes(device, new byte[fb.Stride * fb.Height]);
        return (new FramebufferOutput(device, fb, W, H), device, fb);
    }

    private static uint Pixel(byte[] bytes, FramebufferGeometry fb, int x, int y) => fb.BitsPerPixel == 32
        ? BitConverter.ToUInt32(bytes, (y * fb.Stride) + (x * 4)) & 0xFFFFFF
        : BitConverter.ToUInt16(bytes, (y * fb.Stride) + (x * 2));

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void OnlyTheDifferingRectangle_IsBlended(int bpp)
    {
        var square = new SKRectI(100, 80, 140, 110);
        using var from = Frame(Navy);
        using var to = Frame(Navy, (square, Red));
        var (output, device, fb) = Open(bpp);
        using var _ = output;
        output.Write(from, from.Info.Rect);
        var before = File.ReadAllBytes(device);

        output.BeginFade(to);
        Assert.Equal(square, output.FadeBounds);
        output.WriteFade(to, 128);

        var mid = File.ReadAllBytes(device);
        // Inside: between navy and red; outside, on the same rows and elsewhere: navy as before.
        Assert.NotEqual(Pixel(before, fb, 120, 95), Pixel(mid, fb, 120, 95));
        Assert.NotEqual(Pixel(Write(to, bpp), fb, 120, 95), Pixel(mid, fb, 120, 95));
        foreach (var (x, y) in new[] { (99, 95), (140, 95), (0, 95), (W - 1, 95), (120, 79), (120, 110) })
        {
            Assert.Equal(Pixel(before, fb, x, y), Pixel(mid, fb, x, y));
        }
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void SpanReachesTheRowsEnds_AndEqualPixelsBetweenStayExact(int bpp)
    {
        // One row differs at its first and its last pixel only (the block-wise search from the end must find
        // the last one); another at one pixel in the middle of a 64-byte block.
        using var from = Frame(Navy);
        using var to = Frame(Navy, (new SKRectI(0, 10, 1, 11), Red), (new SKRectI(W - 1, 10, W, 11), Red), (new SKRectI(37, 200, 38, 201), Red));
        var (output, device, fb) = Open(bpp);
        using var _ = output;
        output.Write(from, from.Info.Rect);
        var before = File.ReadAllBytes(device);

        output.BeginFade(to);
        Assert.Equal(new SKRectI(0, 10, W, 201), output.FadeBounds);
        output.WriteFade(to, 200);
        var mid = File.ReadAllBytes(device);
        Assert.NotEqual(Pixel(before, fb, 0, 10), Pixel(mid, fb, 0, 10));
        Assert.NotEqual(Pixel(before, fb, W - 1, 10), Pixel(mid, fb, W - 1, 10));
        Assert.NotEqual(Pixel(before, fb, 37, 200), Pixel(mid, fb, 37, 200));
        Assert.Equal(Pixel(before, fb, W / 2, 10), Pixel(mid, fb, W / 2, 10));
        Assert.Equal(Pixel(before, fb, 36, 200), Pixel(mid, fb, 36, 200));
        Assert.Equal(Pixel(before, fb, 38, 200), Pixel(mid, fb, 38, 200));

        // The last step is the new frame itself, every pixel of it.
        output.WriteFade(to, MppSignage.SignageRenderer.Drawing.CrossFade.FullWeight);
        Assert.Equal(Write(to, bpp), File.ReadAllBytes(device));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(32)]
    public void StepAfterStep_InPlace_FollowsTheDirectBlend(int bpp)
    {
        // Each step blends the shown picture further (no copy of the old one is kept): every step must still be
        // within a level or two of (from × (256 − w) + to × w) / 256, and the last one the next frame exactly.
        var from = new SKColor(0x20, 0xA0, 0x40);
        var to = new SKColor(0xF0, 0x10, 0xC0);
        using var a = Frame(from);
        using var b = Frame(to);
        var (output, device, fb) = Open(bpp);
        using var _ = output;
        output.Write(a, a.Info.Rect);
        output.BeginFade(b);
        var (shift, top) = bpp == 32 ? (0, 255) : (3, 31);
        for (var step = 1; step <= 8; step++)
        {
            var w = MppSignage.SignageRenderer.Drawing.CrossFade.WeightAt(step, 8);
            output.WriteFade(b, w);
            var p = Pixel(File.ReadAllBytes(device), fb, 160, 120);
            var red = bpp == 32 ? (int)(p >> 16) & 0xFF : (int)(p >> 11) & 0x1F;
            var expected = (((from.Red >> shift) * (256 - w)) + ((to.Red >> shift) * w)) / 256.0;
            Assert.True(Math.Abs(red - expected) <= 2, $"step {step} (weight {w}): red {red} of {top}, expected about {expected:0.0}");
        }

        Assert.Equal(Write(b, bpp), File.ReadAllBytes(device));
    }

    [Fact]
    public void SamePicture_NothingToBlend()
    {
        using var from = Frame(Navy, (new SKRectI(5, 5, 50, 50), Red));
        var (output, device, _) = Open(16);
        using var __ = output;
        output.Write(from, from.Info.Rect);
        output.BeginFade(from);
        Assert.True(output.FadeBounds.IsEmpty);
        var before = File.ReadAllBytes(device);
        output.WriteFade(from, 100);
        Assert.Equal(before, File.ReadAllBytes(device));
    }

    /// <summary>What the device holds after <paramref name="frame"/> is written whole, on a fresh framebuffer file.</summary>
    private byte[] Write(SKBitmap frame, int bpp)
    {
        var device = Path.Combine(_dir, $"reference{bpp}");
        var fb = new FramebufferGeometry(W, H, bpp, (W * bpp / 8) + 64);
        File.WriteAllBytes(device, new byte[fb.Stride * fb.Height]);
        using (var output = new FramebufferOutput(device, fb, W, H))
        {
            output.Write(frame, frame.Info.Rect);
        }

        return File.ReadAllBytes(device);
    }
}
