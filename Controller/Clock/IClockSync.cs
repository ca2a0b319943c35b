namespace MppSignage.Controller.Clock;

/// <summary>Tells whether the system clock can be trusted.</summary>
public interface IClockSync
{
    /// <summary>True when the system time is synchronised.</summary>
    bool IsSynchronized();
}
