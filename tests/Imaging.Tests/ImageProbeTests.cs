using MppSignage.TestSupport;

namespace MppSignage.Imaging.Tests;

public sealed class ImageProbeTests
{
    [Fact]
    public void Probe_Jpeg_ReadsFormatSizeAndOrientationFromTheHeader()
    {
        var result = ImageProbe.Probe(TestImages.JpegWithExifOrientation(400, 200, 6));

        Assert.True(result.Ok, result.Refusal?.ToString());
        Assert.Equal(new ImageInfo("jpeg", 400, 200, 1, 6), result.Info);
        Assert.Equal((200, 400), (result.Info!.ViewWidth, result.Info.ViewHeight));
    }

    [Fact]
    public void Probe_PngBomb_IsRefusedFromTheHeaderWithoutDecoding()
    {
        var bomb = TestImages.PngBomb(30000, 30000);
        Assert.True(bomb.Length < 16 * 1024, $"the bomb is {bomb.Length} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = ImageProbe.Probe(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(result.Ok);
        Assert.Equal("image.pixels", result.Refusal!.Field);
        Assert.Contains("30000×30000 = 900 MP", result.Refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("decompression bomb", result.Refusal.Reason, StringComparison.Ordinal);
        // Only the copy of the few-KB file and small objects: no pixel buffer (900 MB) was made.
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated while probing");
    }

    [Fact]
    public void Probe_Strip1x100000_IsRefusedForItsAspect()
    {
        var result = ImageProbe.Probe(TestImages.Png(1, 100000));

        Assert.Equal("image.aspect", result.Refusal?.Field);
        Assert.Contains("1×100000", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_ZeroByZero_IsRefused()
    {
        var result = ImageProbe.Probe(TestImages.PngZeroByZero());

        Assert.False(result.Ok);
        Assert.Equal("image.size", result.Refusal!.Field);
    }

    [Fact]
    public void Probe_SvgWithScript_IsRefusedAskingForPngOrJpeg()
    {
        var result = ImageProbe.Probe(TestImages.SvgWithScript());

        Assert.Equal("image.format", result.Refusal?.Field);
        Assert.Contains("export it as PNG or JPEG", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4096)] // noise the size of a small file
    [InlineData(3)]    // fewer bytes than any header
    public void Probe_RandomBytes_IsNotAnImage(int length)
    {
        var result = ImageProbe.Probe(TestImages.RandomBytes(length));

        Assert.Equal("image", result.Refusal?.Field);
        Assert.Contains("not an image", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_Empty_SaysSo()
    {
        var result = ImageProbe.Probe([]);

        Assert.Equal("image", result.Refusal?.Field);
        Assert.Contains("empty", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_AnimatedGif_CountsItsFrames()
    {
        var result = ImageProbe.Probe(TestImages.AnimatedGif(3));

        Assert.True(result.Ok, result.Refusal?.ToString());
        Assert.Equal("gif", result.Info!.Format);
        Assert.Equal(3, result.Info.FrameCount);
        Assert.True(result.Info.IsAnimated);
    }
}
