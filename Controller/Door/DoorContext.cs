using MppSignage.Controller.Scheduling;
using MppSignage.Shared.Control;
using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Controller.Door;

/// <summary>What a command sees and may change, inside the door loop (one command at a time).</summary>
internal sealed class DoorContext
{
    public required Instant Now { get; init; }

    public required IDoorSchedule? Schedule { get; init; }

    public required ScheduleEvaluation? Evaluation { get; init; }

    public required DoorState? Current { get; init; }

    public required OverrideState? Override { get; init; }

    public required bool ClockSynced { get; init; }

    public required DoorDecisionOptions DecisionOptions { get; init; }

    public required OverridePolicy OverridePolicy { get; init; }

    public required DateTimeZone Zone { get; init; }

    /// <summary>Set by the command: the new override to persist (use <see cref="OverrideChanged"/>).</summary>
    public OverrideState? NewOverride { get; private set; }

    public bool OverrideChanged { get; private set; }

    /// <summary>Set by the command: a new schedule to put in force (already validated).</summary>
    public IDoorSchedule? NewSchedule { get; set; }

    public void SetOverride(OverrideState? value)
    {
        NewOverride = value;
        OverrideChanged = true;
    }
}
