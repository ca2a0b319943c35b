namespace MppSignage.Shared.Control;

/// <summary>Who decides the door: the schedule or a staff override.</summary>
public enum DoorMode
{
    /// <summary>The schedule decides (subject to the clock policy).</summary>
    Auto = 0,

    /// <summary>A staff override is in force until it expires.</summary>
    Override = 1,
}
