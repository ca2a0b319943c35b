using MppSignage.Shared.Schedule;

namespace MppSignage.TestSupport;

/// <summary>Schedules for tests: the repository's default document, loaded once.</summary>
public static class Schedules
{
    private static readonly Lazy<Schedule> DefaultSchedule = new(() =>
    {
        var result = ScheduleLoader.LoadFile(RepoPaths.DefaultSchedule);
        if (!result.Success)
        {
            throw new InvalidOperationException("deploy-pi/config/schedule.json does not load:\n" + string.Join("\n", result.Problems));
        }

        return result.Schedule!;
    });

    /// <summary>The default document for MPP Kota Probolinggo (<see cref="RepoPaths.DefaultSchedule"/>).</summary>
    public static Schedule Default => DefaultSchedule.Value;
}
