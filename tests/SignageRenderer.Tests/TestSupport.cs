using MppSignage.Shared.Schedule;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Text;
using NodaTime;

namespace MppSignage.SignageRenderer.Tests;

/// <summary>Shared builders: the repository's default schedule, Jakarta instants, a loaded font.</summary>
internal static class TestSupport
{
    public static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    private static readonly Lazy<Schedule> DefaultSchedule = new(() =>
    {
        var result = ScheduleLoader.LoadFile(SchedulePath);
        Assert.True(result.Success, string.Join("\n", result.Problems));
        return result.Schedule!;
    });

    private static readonly Lazy<FontSet> SharedFonts = new(() => FontSet.Load("DejaVu Sans", "Display:Font"));

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("MppSignage.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string SchedulePath => Path.Combine(RepoRoot, "deploy-pi", "config", "schedule.json");

    public static Schedule Schedule => DefaultSchedule.Value;

    public static FontSet Fonts => SharedFonts.Value;

    public static Instant At(int y, int mo, int d, int h, int mi, int s = 0) =>
        new LocalDateTime(y, mo, d, h, mi, s).InZoneStrictly(Jakarta).ToInstant();

    public static FrameRenderer Renderer(ScreenGeometry geometry, bool bilingual = true)
    {
        var fitter = new TextFitter(Fonts);
        return new FrameRenderer(geometry, new FrameLayouter(fitter, bilingual), new FramePainter(fitter));
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mpp-signage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
