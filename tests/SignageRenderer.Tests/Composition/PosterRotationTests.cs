using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Preview;
using MppSignage.TestSupport;
using NodaTime;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Composition;

/// <summary>A poster whose asset is missing or bad is left out; the rotation goes on with the rest.</summary>
public sealed class PosterRotationTests
{
    private static readonly string Here = new('a', 64);
    private static readonly string Missing = new('b', 64);

    private static Announcement Poster(string id, string sha) =>
        new() { Id = id, Kind = AnnouncementKind.Image, Title = null, Image = new PosterImage(sha) };

    private static IReadOnlyList<string> ShownOverAnHour(IReadOnlySet<string>? posters)
    {
        var composer = new SlideComposer(ServiceOptions());
        var items = new[]
        {
            Poster("poster-here", Here),
            Poster("poster-missing", Missing),
            new Announcement { Id = "info-1", Kind = AnnouncementKind.Text, Title = new LocalizedText("Layanan KTP elektronik") },
        };
        var start = J(2026, 12, 1, 9, 0, 0);
        var shown = new List<string>();
        for (var t = start; t < start + Duration.FromHours(1); t += Duration.FromSeconds(5))
        {
            var snapshot = new SignageSnapshot(ScheduleStatus.Compute(Schedules.Default, t), Schedules.Default, items, null, 1) { Posters = posters };
            var frame = composer.Compose(snapshot, t);
            shown.Add(frame.Selection.Slide.AnnouncementId ?? frame.Selection.Slide.Kind.ToString());
            if (frame.Selection.Slide.AnnouncementId == "poster-here")
            {
                Assert.Equal(Here, Assert.IsType<PosterSlideModel>(frame.Slide).Image.Sha256);
            }
        }

        return shown;
    }

    [Fact]
    public void Compose_PosterWithoutItsAsset_IsSkipped_TheOthersStillRotate()
    {
        var shown = ShownOverAnHour(new HashSet<string> { Here });

        Assert.Contains("poster-here", shown);
        Assert.Contains("info-1", shown);
        Assert.DoesNotContain("poster-missing", shown);
    }

    [Fact]
    public void Compose_NoPosterCache_PreviewKeepsEveryPoster()
    {
        // The render verb has no cache: it draws what it is asked (the poster's caption when the image is not there).
        Assert.Contains("poster-missing", ShownOverAnHour(null));
    }
}
