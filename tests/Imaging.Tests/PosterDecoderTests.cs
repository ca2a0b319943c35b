using MppSignage.Shared.Announcements;
using MppSignage.TestSupport;

namespace MppSignage.Imaging.Tests;

public sealed class PosterDecoderTests
{
    [Theory]
    [InlineData(PosterFit.Contain, 763, 1080)]  // the whole portrait poster, as tall as the screen
    [InlineData(PosterFit.Cover, 1920, 2717)]   // as wide as the screen, cut top and bottom when drawn
    public void Decode_PortraitPosterOnLandscapeScreen_IsSizedForTheFit(PosterFit fit, int width, int height)
    {
        var kept = ImageProcessor.Process(TestImages.Jpeg(2480, 3508)).Image!;

        using var poster = PosterDecoder.Decode(kept.Bytes, 1920, 1080, fit);

        Assert.True(poster.Ok, poster.Refusal?.ToString());
        Assert.Equal((width, height), (poster.Image!.Width, poster.Image.Height));
    }

    [Fact]
    public void Decode_EdgeColor_IsTheAverageOfTheBorder()
    {
        using var poster = PosterDecoder.Decode(TestImages.Png(400, 400), 200, 200, PosterFit.Contain);

        // The border runs through all four quarters equally.
        var expected = new SkiaSharp.SKColor(
            (byte)((TestImages.TopLeft.Red + TestImages.TopRight.Red + TestImages.BottomLeft.Red + TestImages.BottomRight.Red) / 4),
            (byte)((TestImages.TopLeft.Green + TestImages.TopRight.Green + TestImages.BottomLeft.Green + TestImages.BottomRight.Green) / 4),
            (byte)((TestImages.TopLeft.Blue + TestImages.TopRight.Blue + TestImages.BottomLeft.Blue + TestImages.BottomRight.Blue) / 4));
        ImageProcessorTests.AssertNear(expected, poster.EdgeColor, 12);
    }

    [Fact]
    public void Decode_OverTheBudget_IsRefusedNotAllocated()
    {
        using var poster = PosterDecoder.Decode(TestImages.Png(4000, 3000), 1920, 1080, PosterFit.Contain, new ImageLimits(MaxDecodePixels: 4_000_000));

        Assert.False(poster.Ok);
        Assert.Equal("image.pixels", poster.Refusal!.Field);
    }

    [Fact]
    public void Decode_CorruptBytes_IsRefusedWithAReason()
    {
        using var poster = PosterDecoder.Decode(TestImages.Truncated(TestImages.Jpeg(1920, 1080), 0.3), 1920, 1080, PosterFit.Cover);

        Assert.Equal("image.data", poster.Refusal?.Field);
    }
}
