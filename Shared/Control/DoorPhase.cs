namespace MppSignage.Shared.Control;

/// <summary>What the entrance shows: the relay state plus the warning before a scheduled close.</summary>
public enum DoorPhase
{
    /// <summary>Closed: relay off, CLOSED lamp.</summary>
    Closed = 0,

    /// <summary>Open: relay on, OPEN lamp.</summary>
    Open = 1,

    /// <summary>Still open (relay on) but the scheduled close is near: the closing-soon lamp blinks.</summary>
    ClosingSoon = 2,
}
