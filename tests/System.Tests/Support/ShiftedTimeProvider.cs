namespace MppSignage.SystemTests.Support;

/// <summary>
/// Real time moved by an offset: the wall clock says what the test needs (e.g. 13:59:30 on a Monday in
/// Jakarta) while timers, delays and timestamps run in real time, so real-time behaviour (reconnect backoff,
/// "within 5 s") is measured honestly. The offset can be stepped to model an NTP clock jump: like the kernel's
/// clock, a step changes the wall time but not the monotonic timers already armed.
/// </summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset, TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private long _offsetTicks = offset.Ticks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Steps the wall clock by <paramref name="by"/> (forward or backward); timers are not touched.</summary>
    public void Step(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
