using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Preview;
using MppSignage.TestSupport;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Layout;

/// <summary>
/// Issue 14 items 13 and 14: every visitor-facing line of the system's own slides (status, hours, QR) is at
/// least <see cref="FrameLayouter.MinimumReadableSize"/> units tall at both sizes, even with the longest
/// holiday list; the hours slide carries no decree number; no line starts or ends with a separator.
/// </summary>
public sealed class ReadableSizeTests
{
    public static TheoryData<int, int, string> Cases()
    {
        var data = new TheoryData<int, int, string>();
        foreach (var (w, h) in new[] { (1920, 1080), (1080, 1920) })
        {
            data.Add(w, h, "2025-03-20T10:00");  // hours slide before Idul Fitri: the longest holiday list of the calendar
            data.Add(w, h, "2024-08-05T10:00");  // hours slide with long holiday names (Hari Kemerdekaan Republik Indonesia)
            data.Add(w, h, "2024-07-04T13:50");  // status: closing-soon countdown
            data.Add(w, h, "2024-08-17T10:00");  // status: closed for a holiday
            data.Add(w, h, "2024-07-04T10:00");  // QR slide
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Slide_EveryLineAtLeastTheMinimumSize_NoSeparatorAtALineEdge(int width, int height, string at)
    {
        var now = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(at + ":00").Value.InZoneStrictly(Jakarta).ToInstant();
        var slides = new SignageSlides(Jakarta);
        var hour = now.InZone(Jakarta).TimeOfDay;
        SlideModel slide = at switch
        {
            "2025-03-20T10:00" or "2024-08-05T10:00" => slides.Hours(Schedules.Default, now),
            "2024-07-04T10:00" => SignageSlides.Qr("6281234567890", "https://g.page/r/mpp-kota-probolinggo/review")!,
            _ => slides.Status(ScheduleStatus.Compute(Schedules.Default, now), now),
        };
        var geometry = new ScreenGeometry(width, height);
        using var renderer = Renderer(geometry);
        renderer.Render(slide, slides.Footer(now, null), "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
        var layout = renderer.CurrentLayout!;
        var minimum = FrameLayouter.MinimumReadableSize * geometry.Unit;
        var problems = new List<string>();
        foreach (var block in layout.Body.Concat(layout.Footer).OfType<TextElement>().Select(e => e.Block))
        {
            foreach (var line in block.Lines)
            {
                if (block.FontSize < minimum - 0.01f)
                {
                    problems.Add($"'{line.Text}' is {block.FontSize:0.0} px; at least {minimum:0.0} px");
                }

                if (line.Text.TrimEnd().EndsWith('·') || line.Text.TrimStart().StartsWith('·'))
                {
                    problems.Add($"'{line.Text}' has a separator at its edge");
                }

                if (line.Text.Contains("500.16.7.2", StringComparison.Ordinal))
                {
                    problems.Add($"'{line.Text}': the decree number is not for visitors");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{width}x{height} at {at}:\n" + string.Join("\n", problems));
    }
}
