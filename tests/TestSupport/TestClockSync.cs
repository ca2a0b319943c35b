using MppSignage.Controller.Clock;

namespace MppSignage.TestSupport;

/// <summary>Whether the clock counts as synchronised; the test flips it (a Pi whose NTP sync comes late).</summary>
public sealed class TestClockSync : IClockSync
{
    private volatile bool _synced = true;

    public bool Synced
    {
        get => _synced;
        set => _synced = value;
    }

    public bool IsSynchronized() => _synced;
}
