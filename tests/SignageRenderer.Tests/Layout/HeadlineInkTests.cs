using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Preview;
using SkiaSharp;
using MppSignage.TestSupport;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Layout;

/// <summary>
/// Issue 14 item 11: in BUKA (and TUTUP) every letter stands apart. Measured on the drawn pixels: the columns
/// of the headline's ink form one run per letter, separated by background.
/// </summary>
public sealed class HeadlineInkTests
{
    public static TheoryData<int, int, int, string> Cases => new()
    {
        { 1920, 1080, 10, "BUKA" },   // landscape, open at 10:00
        { 1080, 1920, 10, "BUKA" },   // portrait
        { 1920, 1080, 15, "TUTUP" },  // landscape, closed at 15:00
        { 1080, 1920, 15, "TUTUP" },  // portrait
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Headline_AdjacentLettersHaveAnInkGap(int width, int height, int hour, string word)
    {
        var now = J(2024, 7, 1, hour, 0);
        var slides = new SignageSlides(Jakarta);
        using var renderer = Renderer(new ScreenGeometry(width, height));
        renderer.Render(slides.Status(ScheduleStatus.Compute(Schedules.Default, now), now), slides.Footer(now, null), null);
        var line = Assert.Single(renderer.CurrentLayout!.AllLines, l => l.Text == word);
        var box = SKRectI.Round(line.Box);
        var background = renderer.Frame.GetPixel(box.Left > 2 ? box.Left - 2 : 0, box.MidY);

        // Columns holding ink (clearly not background), grouped into runs.
        var runs = new List<(int From, int To)>();
        int? start = null;
        var minGap = int.MaxValue;
        var lastEnd = -1;
        for (var x = Math.Max(0, box.Left - 1); x <= Math.Min(renderer.Frame.Width - 1, box.Right + 1); x++)
        {
            var ink = false;
            for (var y = Math.Max(0, box.Top); y < Math.Min(renderer.Frame.Height, box.Bottom) && !ink; y++)
            {
                ink = Differs(renderer.Frame.GetPixel(x, y), background);
            }

            if (ink && start is null)
            {
                start = x;
                if (lastEnd >= 0)
                {
                    minGap = Math.Min(minGap, x - lastEnd - 1);
                }
            }
            else if (!ink && start is not null)
            {
                runs.Add((start.Value, x - 1));
                lastEnd = x - 1;
                start = null;
            }
        }

        Assert.True(runs.Count == word.Length, $"{word} at {width}x{height}: {runs.Count} separate ink runs ({string.Join(", ", runs)}), expected {word.Length}");
        Assert.True(minGap >= 4, $"{word} at {width}x{height}: the closest letters are {minGap} px apart");
    }

    // Anti-aliasing fringes count as ink: a visitor sees letters touch before their cores do.
    private static bool Differs(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) > 24;
}
