using System.Security.Cryptography;
using System.Text;
using MppSignage.TestSupport;
using SkiaSharp;

namespace MppSignage.Imaging.Tests;

public sealed class ImageProcessorTests
{
    [Fact]
    public void Process_PhonePhotoWithExifOrientation6_IsTurnedUprightAndLosesItsMetadata()
    {
        // Stored landscape 400×200 as the sensor saw it; orientation 6 = turn 90° clockwise to view.
        var upload = TestImages.JpegWithExifOrientation(400, 200, 6);
        Assert.Contains(TestImages.ExifModel, Encoding.ASCII.GetString(upload), StringComparison.Ordinal);

        var result = ImageProcessor.Process(upload);

        Assert.True(result.Ok, result.Refusal?.ToString());
        var image = result.Image!;
        Assert.Equal((200, 400), (image.Width, image.Height));
        Assert.Contains("EXIF orientation 6", image.Note, StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(image.Bytes);
        Assert.Equal((200, 400), (decoded.Width, decoded.Height));
        // Turned clockwise: the stored bottom-left quarter is now top-left, the stored top-left is top-right.
        AssertNear(TestImages.BottomLeft, decoded.GetPixel(20, 20));
        AssertNear(TestImages.TopLeft, decoded.GetPixel(180, 20));
        AssertNear(TestImages.BottomRight, decoded.GetPixel(20, 380));
        var text = Encoding.ASCII.GetString(image.Bytes);
        Assert.DoesNotContain(TestImages.ExifModel, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.Equal(1, ImageProbe.Probe(image.Bytes).Info!.ExifOrientation);
    }

    [Theory]
    [InlineData(3, 400, 200, "BottomRight")] // turned 180°: the bottom-right quarter is now top-left
    [InlineData(8, 200, 400, "TopRight")]    // turned counter-clockwise: the top-right quarter is now top-left
    [InlineData(2, 400, 200, "TopRight")]    // mirrored: the top-right quarter is now top-left
    public void Process_OtherOrientations_PutTheRightQuarterTopLeft(int orientation, int width, int height, string topLeft)
    {
        var result = ImageProcessor.Process(TestImages.JpegWithExifOrientation(400, 200, orientation));

        Assert.True(result.Ok, result.Refusal?.ToString());
        using var decoded = SKBitmap.Decode(result.Image!.Bytes);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        var expected = topLeft switch { "BottomRight" => TestImages.BottomRight, "TopRight" => TestImages.TopRight, _ => TestImages.TopLeft };
        AssertNear(expected, decoded.GetPixel(20, 20));
    }

    [Fact]
    public void Process_24MegapixelJpeg_IsDownscaledToCoverTheScreenAndSha256NamesTheBytes()
    {
        var result = ImageProcessor.Process(TestImages.Jpeg(6000, 4000));

        Assert.True(result.Ok, result.Refusal?.ToString());
        var image = result.Image!;
        // Covers 1920×1080 with the 3:2 aspect kept: 1920×1280.
        Assert.Equal((1920, 1280), (image.Width, image.Height));
        Assert.Equal("jpeg", image.Format);
        Assert.Equal(".jpg", image.Extension);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(image.Bytes)).ToLowerInvariant(), image.Sha256);
        Assert.Contains("resized from 6000×4000 to 1920×1280", image.Note, StringComparison.Ordinal);
        Assert.Contains("JPEG quality 85", image.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_SameUploadTwice_GivesTheSameAssetId()
    {
        var upload = TestImages.Jpeg(1200, 900);

        Assert.Equal(ImageProcessor.Process(upload).Image!.Sha256, ImageProcessor.Process(upload).Image!.Sha256);
    }

    [Theory]
    [InlineData(2480, 3508, 1920, 1080, 1357, 1920)] // A4 portrait poster: covers a portrait 1080×1920
    [InlineData(800, 600, 1920, 1080, 800, 600)]     // smaller than the screen: never enlarged
    [InlineData(3840, 2160, 1920, 1080, 1920, 1080)] // 4K to 1080p
    [InlineData(3840, 2160, 1080, 1920, 1920, 1080)] // a portrait-configured screen is the same panel turned
    public void TargetSize_CoversTheScreenInTheImagesOwnOrientation(int w, int h, int sw, int sh, int ew, int eh)
    {
        Assert.Equal((ew, eh), ImageProcessor.TargetSize(w, h, sw, sh));
    }

    [Fact]
    public void Process_PngWithTransparency_StaysPng_OpaquePngBecomesJpeg()
    {
        var transparent = ImageProcessor.Process(TestImages.Png(300, 200, alpha: 128));
        var opaque = ImageProcessor.Process(TestImages.Png(300, 200));

        Assert.Equal("png", transparent.Image?.Format);
        Assert.Contains("PNG (it has transparency)", transparent.Image!.Note, StringComparison.Ordinal);
        Assert.Equal("jpeg", opaque.Image?.Format);
    }

    [Fact]
    public void Process_AnimatedGif_KeepsTheFirstFrameAndSaysSo()
    {
        var result = ImageProcessor.Process(TestImages.AnimatedGif(3));

        Assert.True(result.Ok, result.Refusal?.ToString());
        Assert.Contains("animated GIF (3 frames): only the first frame is kept", result.Image!.Note, StringComparison.Ordinal);
        using var decoded = SKBitmap.Decode(result.Image.Bytes);
        AssertNear(new SKColor(230, 30, 30), decoded.GetPixel(0, 0));
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("png")]
    public void Process_TruncatedFile_IsRefusedAsTruncated(string format)
    {
        var whole = format == "jpeg" ? TestImages.Jpeg(800, 600) : TestImages.Png(800, 600);

        var result = ImageProcessor.Process(TestImages.Truncated(whole, 0.5));

        Assert.False(result.Ok);
        Assert.Equal("image.data", result.Refusal!.Field);
        Assert.Contains("truncated", result.Refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_BombWithRaisedHeaderLimit_IsStillRefusedByTheDecodeBudget()
    {
        var limits = new ImageLimits(MaxSourcePixels: 1_000_000_000);

        var result = ImageProcessor.Process(TestImages.PngBomb(30000, 30000), new ImageProcessingOptions(Limits: limits));

        Assert.Equal("image.pixels", result.Refusal?.Field);
        Assert.Contains("PNG and GIF cannot be decoded at a reduced size", result.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_DecodeBudget_JpegIsSampledWherePngOfTheSameSizeIsRefused()
    {
        // 6000×4000 = 24 MP. With a 7 MP budget a JPEG decodes at 1/2 (3000×2000 = 6 MP); a PNG cannot be sampled.
        var options = new ImageProcessingOptions(Limits: new ImageLimits(MaxDecodePixels: 7_000_000));

        var jpeg = ImageProcessor.Process(TestImages.Jpeg(6000, 4000), options);
        var png = ImageProcessor.Process(TestImages.Png(6000, 4000), options);

        Assert.True(jpeg.Ok, jpeg.Refusal?.ToString());
        Assert.Equal("image.pixels", png.Refusal?.Field);
        Assert.Contains("6000×4000 = 24 MP buffer", png.Refusal!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("svg", "image.format")]    // SVG with a script
    [InlineData("bomb", "image.pixels")]   // 30000×30000 PNG of a few KB
    [InlineData("strip", "image.aspect")]  // 1×100000
    [InlineData("zero", "image.size")]     // 0×0
    [InlineData("random", "image")]        // not an image
    public void Process_BadImages_AreRefusedWithTheirField(string kind, string field)
    {
        var bytes = kind switch
        {
            "svg" => TestImages.SvgWithScript(),
            "bomb" => TestImages.PngBomb(),
            "strip" => TestImages.Png(1, 100000),
            "zero" => TestImages.PngZeroByZero(),
            _ => TestImages.RandomBytes(),
        };

        var result = ImageProcessor.Process(bytes);

        Assert.Null(result.Image);
        Assert.Equal(field, result.Refusal?.Field);
    }

    internal static void AssertNear(SKColor expected, SKColor actual, int tolerance = 40)
    {
        var ok = Math.Abs(expected.Red - actual.Red) <= tolerance
            && Math.Abs(expected.Green - actual.Green) <= tolerance
            && Math.Abs(expected.Blue - actual.Blue) <= tolerance;
        Assert.True(ok, $"expected about {expected}, got {actual}");
    }
}
