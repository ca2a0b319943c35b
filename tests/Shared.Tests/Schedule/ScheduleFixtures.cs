using MppSignage.Shared.Schedule;
using NodaTime;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.Shared.Tests.Schedule;

/// <summary>Builders shared by the schedule tests.</summary>
internal static class ScheduleFixtures
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    private static readonly Lazy<SiteSchedule> DefaultSchedule = new(() => Load(File.ReadAllText(DefaultDocumentPath)));

    /// <summary>The repository's <c>deploy-pi/config/schedule.json</c>.</summary>
    public static string DefaultDocumentPath => Path.Combine(RepoRoot(), "deploy-pi", "config", "schedule.json");

    /// <summary>The default document for MPP Kota Probolinggo, loaded once.</summary>
    public static SiteSchedule Default => DefaultSchedule.Value;

    /// <summary>A Jakarta wall-clock time as an instant.</summary>
    public static Instant Jakarta(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone).ToInstant();

    /// <summary>Loads a document that must be valid (fails the test with the problems otherwise).</summary>
    public static SiteSchedule Load(string json)
    {
        var result = ScheduleLoader.Parse(json);
        Assert.True(result.Success, string.Join("\n", result.Problems));
        return result.Schedule!;
    }

    /// <summary>The problems of a document that must be invalid.</summary>
    public static IReadOnlyList<ScheduleProblem> Problems(string json)
    {
        var result = ScheduleLoader.Parse(json);
        Assert.False(result.Success, "the document was accepted");
        Assert.NotEmpty(result.Problems);
        return result.Problems;
    }

    private static string RepoRoot()
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
