using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>The tunables of <see cref="DoorDecision"/>.</summary>
/// <param name="ClosingSoon">How long before a scheduled close the closing-soon phase starts (zero disables it).</param>
/// <param name="UnsynchronizedPolicy">What the door does while the clock is not synchronised.</param>
/// <param name="OpenWhenScheduleUnavailable">Whether the door is open when no valid schedule could be loaded (default false).</param>
public sealed record DoorDecisionOptions(
    Duration ClosingSoon,
    UnsynchronizedClockPolicy UnsynchronizedPolicy,
    bool OpenWhenScheduleUnavailable = false)
{
    /// <summary>The longest an override may run; re-checked on every decision, not only when it is set.</summary>
    public Duration OverrideMaximum { get; init; } = OverrideRules.DefaultMaximum;

    /// <summary>How long an open override without <c>until</c> lasts while the schedule says closed (see <see cref="OverrideRules.DefaultUntil"/>).</summary>
    public Duration DefaultOpenOverride { get; init; } = OverridePolicy.DefaultOpenOutsideHours;

    /// <summary>15 minutes of closing-soon; closed while the clock is unsynchronised or the schedule unavailable.</summary>
    public static DoorDecisionOptions Default { get; } = new(Duration.FromMinutes(15), UnsynchronizedClockPolicy.Closed);
}
