using MppSignage.Shared.Control;
using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Controller.Door;

/// <summary>What a command sees and may change, inside the door loop (one command at a time).</summary>
internal sealed class DoorContext
{
    /// <summary>What the command is judged against (pure; see <see cref="DoorCommands"/>).</summary>
    public required DoorSituation Situation { get; init; }

    public required DateTimeZone Zone { get; init; }

    public Instant Now => Situation.Now;

    /// <summary>Set by the command: the new override to persist (use <see cref="OverrideChanged"/>).</summary>
    public OverrideState? NewOverride { get; private set; }

    public bool OverrideChanged { get; private set; }

    /// <summary>Set by the command: a new schedule to put in force (already validated).</summary>
    public Schedule? NewSchedule { get; set; }

    public void SetOverride(OverrideState? value)
    {
        NewOverride = value;
        OverrideChanged = true;
    }

    /// <summary>Stores <paramref name="outcome"/>'s override when it was accepted; returns its result.</summary>
    public CommandResult Apply(OverrideOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Result.Ok)
        {
            SetOverride(outcome.Override);
        }

        return outcome.Result;
    }
}
