namespace MppSignage.Shared.Control;

/// <summary>What the door does while the system clock is not synchronised (a Pi without RTC after boot).</summary>
public enum UnsynchronizedClockPolicy
{
    /// <summary>Keep closed and say "time not synchronised" (default: a wrong clock must not open the hall at night).</summary>
    Closed = 0,

    /// <summary>Keep open (sites where a locked door is worse than an open one).</summary>
    Open = 1,

    /// <summary>Follow the schedule anyway, trusting the unsynchronised clock.</summary>
    Schedule = 2,
}
