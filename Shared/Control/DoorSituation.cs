using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>What a command is judged against: the instant, the schedule's answer, the door as shown, the stored override.</summary>
/// <param name="Now">The current instant.</param>
/// <param name="Evaluation">The schedule at <paramref name="Now"/>, or null when no valid schedule is loaded.</param>
/// <param name="Current">The last decision, or null before the first.</param>
/// <param name="Override">The stored override, or null (whether it is in force is <see cref="DoorDecision.Judge"/>'s call).</param>
/// <param name="ClockSynced">Whether the system clock is synchronised.</param>
/// <param name="Options">The decision's tunables, with the maximum override.</param>
/// <param name="ScheduleProblem">Why no schedule is in force, when none is.</param>
public sealed record DoorSituation(
    Instant Now,
    ScheduleEvaluation? Evaluation,
    DoorState? Current,
    OverrideState? Override,
    bool ClockSynced,
    DoorDecisionOptions Options,
    string? ScheduleProblem = null)
{
    /// <summary>The site zone: an open override's default end stops at local midnight, refusals speak local time.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;

    /// <summary>The limits override commands are judged by.</summary>
    public OverridePolicy OverridePolicy => new(Options.OverrideMaximum, Options.DefaultOpenOverride, Zone);

    /// <summary>The stored override when it decides the door now, else null.</summary>
    public OverrideState? OverrideInForce =>
        Override is { } o && DoorDecision.Judge(o, Now, ClockSynced, Options.OverrideMaximum) == OverrideStanding.InForce ? o : null;
}
