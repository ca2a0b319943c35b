using MppSignage.Imaging;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Layout;
using MppSignage.TestSupport;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.Posters.TestPosters;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Posters;

/// <summary>Decoded posters: bounded in memory, decoded once at the drawn size, bad ones skipped and reported; EXIF orientation reaches the screen.</summary>
public sealed class PosterLibraryTests : IDisposable
{
    private readonly LogCollector _logs = new();

    public void Dispose() => _logs.AssertNoUnexpectedErrors();

    [Fact]
    public void Poster_DecodedOnceAtTheAreaSize_MemoryBoundedToMaxDecoded()
    {
        var posters = Enumerable.Range(0, 5).Select(i => Make(400 + (i * 10), 600)).ToArray();
        using var lib = Open(_logs, posters);
        var box = new SKSizeI(1920, 947);

        foreach (var sha in lib.Hashes)
        {
            var image = lib.Posters.Poster(sha, box, PosterFit.Contain);
            Assert.NotNull(image);
            Assert.Equal(box.Height, image.Height);
            Assert.True(lib.Posters.DecodedCount <= lib.Posters.MaxDecoded);
        }

        Assert.Equal(5, lib.Posters.Decodes);
        Assert.Equal(lib.Posters.MaxDecoded, lib.Posters.DecodedCount);
        // The most recent one again: from memory, no decode.
        Assert.NotNull(lib.Posters.Poster(lib.Hashes[^1], box, PosterFit.Contain));
        Assert.Equal(5, lib.Posters.Decodes);
        // The first one was evicted: decoded again.
        Assert.NotNull(lib.Posters.Poster(lib.Hashes[0], box, PosterFit.Contain));
        Assert.Equal(6, lib.Posters.Decodes);
    }

    [Fact]
    public void Poster_BytesThatAreNoImage_NullMarkedBadRemovedAndReported()
    {
        // Hash-correct bytes that are not an image (a controller bug or a replaced file): never a crash.
        var noise = TestImages.RandomBytes(5000, 3);
        using var lib = Open(_logs, noise);
        var failed = 0;
        lib.Posters.PosterFailed += () => failed++;

        var image = lib.Posters.Poster(lib.Hashes[0], new SKSizeI(1920, 947), PosterFit.Contain);

        Assert.Null(image);
        Assert.Equal(1, failed);
        Assert.True(lib.Posters.IsBad(lib.Hashes[0]));
        Assert.False(lib.Posters.IsShowable(lib.Hashes[0]));
        Assert.False(lib.Disk.Contains(lib.Hashes[0]));
        Assert.Contains(_logs.Entries, e => e.EventId == 45 && e.Message.Contains(lib.Hashes[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(6)] // phone held upright: stored landscape, shown rotated 90° clockwise
    [InlineData(8)] // rotated 90° counter-clockwise
    [InlineData(3)] // upside down
    public void ExifOrientation_ProcessedByTheController_ReachesTheScreenTheRightWayUp(int orientation)
    {
        // What a phone writes: the pixels stored sideways, the EXIF tag saying how to turn them.
        var (sw, sh) = orientation == 3 ? (600, 900) : (900, 600);
        var upload = TestImages.JpegWithExifOrientation(sw, sh, orientation);
        var processed = ImageProcessor.Process(upload);
        Assert.True(processed.Ok, processed.Refusal?.Reason);
        using var lib = Open(_logs, processed.Image!.Bytes);
        var g = new ScreenGeometry(1080, 1920);
        using var renderer = Renderer(g, lib.Posters);

        renderer.Render(new PosterSlideModel(new PosterImage(lib.Hashes[0], PosterFit.Contain, "theme"), null, null, null, false), new SignageSlides(Jakarta).Footer(J(2026, 12, 1, 9, 0), null), null);
        Save(renderer, $"exif-{orientation}");

        var poster = renderer.CurrentLayout!.Body.OfType<MppSignage.SignageRenderer.Posters.PosterElement>().Single();
        // Upright, the poster is portrait (600×900), whatever way its pixels were stored.
        Assert.True(poster.Dest.Height > poster.Dest.Width, $"drawn {poster.Dest}: still sideways");
        var d = poster.Dest;
        var (tl, tr, bl, br) = (At(renderer.Frame, (int)(d.Left + (d.Width / 4)), (int)(d.Top + (d.Height / 4))),
            At(renderer.Frame, (int)(d.Left + (d.Width * 3 / 4)), (int)(d.Top + (d.Height / 4))),
            At(renderer.Frame, (int)(d.Left + (d.Width / 4)), (int)(d.Top + (d.Height * 3 / 4))),
            At(renderer.Frame, (int)(d.Left + (d.Width * 3 / 4)), (int)(d.Top + (d.Height * 3 / 4))));
        // The stored quadrants turned as the tag says (90° CW for 6: the stored bottom-left comes to the top-left).
        var expected = orientation switch
        {
            6 => (TestImages.BottomLeft, TestImages.TopLeft, TestImages.BottomRight, TestImages.TopRight),
            8 => (TestImages.TopRight, TestImages.BottomRight, TestImages.TopLeft, TestImages.BottomLeft),
            _ => (TestImages.BottomRight, TestImages.BottomLeft, TestImages.TopRight, TestImages.TopLeft),
        };
        Assert.True(Near(tl, expected.Item1, 30) && Near(tr, expected.Item2, 30) && Near(bl, expected.Item3, 30) && Near(br, expected.Item4, 30),
            $"orientation {orientation}: quadrants {tl} {tr} / {bl} {br}, expected {expected}");
    }
}
