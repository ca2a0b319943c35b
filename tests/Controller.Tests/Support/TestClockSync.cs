using MppSignage.Controller.Clock;

namespace MppSignage.Controller.Tests.Support;

/// <summary>A clock status the test sets.</summary>
internal sealed class TestClockSync : IClockSync
{
    public volatile bool Synced = true;

    public bool IsSynchronized() => Synced;
}
