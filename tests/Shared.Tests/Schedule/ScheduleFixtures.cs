using MppSignage.Shared.Schedule;
using MppSignage.TestSupport;
using NodaTime;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.Shared.Tests.Schedule;

/// <summary>Builders shared by the schedule tests.</summary>
internal static class ScheduleFixtures
{
    public static readonly DateTimeZone Zone = Time.Jakarta;

    /// <summary>The repository's <c>deploy-pi/config/schedule.json</c>.</summary>
    public static string DefaultDocumentPath => RepoPaths.DefaultSchedule;

    /// <summary>The default document for MPP Kota Probolinggo, loaded once.</summary>
    public static SiteSchedule Default => Schedules.Default;

    /// <summary>A Jakarta wall-clock time as an instant (the schedule tests' name for <see cref="Time.J"/>).</summary>
    public static Instant Jakarta(int year, int month, int day, int hour, int minute) => Time.J(year, month, day, hour, minute);

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
}
