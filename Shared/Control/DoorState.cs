using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The whole decision for one instant: what the relay, lamps, LCD and status topic show.
/// Produced only by <see cref="DoorDecision.Decide"/>.
/// </summary>
public sealed record DoorState
{
    /// <summary>True when the relay is on (door open / OPEN sign lit).</summary>
    public required bool Open { get; init; }

    /// <summary>Open, closing soon or closed.</summary>
    public required DoorPhase Phase { get; init; }

    /// <summary>Automatic or override.</summary>
    public required DoorMode Mode { get; init; }

    /// <summary>Why.</summary>
    public required DoorReason Reason { get; init; }

    /// <summary>Holiday, period or closure name from the schedule, or null.</summary>
    public string? Name { get; init; }

    /// <summary>The schedule rule's comment, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>Since when (open, phase, mode, reason) holds, when known.</summary>
    public Instant? Since { get; init; }

    /// <summary>The next instant at which open, phase, mode or reason changes, when known.</summary>
    public Instant? NextChange { get; init; }

    /// <summary>When open: when it closes, when known.</summary>
    public Instant? ClosesAt { get; init; }

    /// <summary>When closed: when it next opens, when known.</summary>
    public Instant? OpensAt { get; init; }

    /// <summary>The override in force, or null.</summary>
    public OverrideState? Override { get; init; }

    /// <summary>Whether the clock was synchronised at the decision.</summary>
    public required bool ClockSynced { get; init; }

    /// <summary>Today's opening intervals from the schedule (empty when unknown).</summary>
    public IReadOnlyList<Interval> TodayHours { get; init; } = [];

    /// <summary>A short English message for people reading the status (e.g. "time not synchronised").</summary>
    public string? Message { get; init; }

    /// <summary>The instant this decision is for.</summary>
    public required Instant EvaluatedAt { get; init; }

    /// <summary>
    /// The earliest instant at which the decision may differ in any way (schedule change, closing-soon
    /// start, override expiry). The loop wakes then, and also periodically, so nothing depends on it alone.
    /// </summary>
    public Instant? WakeAt { get; init; }

    /// <summary>True when <paramref name="other"/> shows the same thing at the door (relay, phase, mode, reason).</summary>
    public bool SameOutputAs(DoorState? other) =>
        other is not null && other.Open == Open && other.Phase == Phase && other.Mode == Mode && other.Reason == Reason;
}
