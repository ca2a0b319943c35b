namespace MppSignage.Shared.Control;

/// <summary>Why the door is in its state. Wire names are given by <see cref="DoorWire"/>.</summary>
public enum DoorReason
{
    /// <summary>Regular hours.</summary>
    Regular = 0,

    /// <summary>A holiday closes the hall (or gives it holiday hours).</summary>
    Holiday = 1,

    /// <summary>A special period or day with its own hours.</summary>
    Special = 2,

    /// <summary>A one-off closure.</summary>
    Closure = 3,

    /// <summary>A staff override is in force.</summary>
    Override = 4,

    /// <summary>The system clock is not synchronised; the clock policy decides.</summary>
    ClockUnsynchronised = 5,

    /// <summary>No valid schedule could be loaded; the safe state applies.</summary>
    ScheduleUnavailable = 6,
}
