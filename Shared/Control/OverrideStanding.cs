namespace MppSignage.Shared.Control;

/// <summary>Whether a stored override may decide the door at an instant (see <see cref="DoorDecision.Judge"/>).</summary>
public enum OverrideStanding
{
    /// <summary>It decides the door.</summary>
    InForce = 0,

    /// <summary>Its end has passed: the schedule decides, and the stored override can be cleared.</summary>
    Expired = 1,

    /// <summary>It runs longer than the maximum override (a lowered maximum, a hand-edited file, a clock stepped back): it is ignored and can be cleared.</summary>
    BeyondMaximum = 2,

    /// <summary>The clock is not synchronised, so neither its end nor the maximum can be judged: the unsynchronised-clock policy decides and the override waits (it is kept).</summary>
    ClockUnsynchronised = 3,
}
