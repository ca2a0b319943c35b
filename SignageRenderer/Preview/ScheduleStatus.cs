using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using NodaTime;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.SignageRenderer.Preview;

/// <summary>
/// The status a controller in automatic mode with a synchronised clock publishes for a schedule at an
/// instant, for previews without a status file: the controller's own pure decision
/// (<see cref="DoorDecision"/>) and status mapping (<see cref="StatusMessages"/>), so a preview shows
/// exactly what the screen would. (The running screen never does this: it shows the controller's status.)
/// </summary>
public static class ScheduleStatus
{
    /// <summary>Evaluates <paramref name="schedule"/> at <paramref name="at"/> and writes it as a status message.</summary>
    public static StatusMessage Compute(SiteSchedule schedule, Instant at)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var state = DoorDecision.Decide(schedule.Evaluate(at), null, clockSynced: true, at, DoorDecisionOptions.Default);
        return StatusMessages.From(state, state.Open, schedule.Zone, at);
    }
}
