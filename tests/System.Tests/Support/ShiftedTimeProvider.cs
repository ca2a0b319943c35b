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

    /// <summary>A quiet weekday morning in Jakarta: open, with no scheduled change for hours (2025-07-08 10:00 WIB, a Tuesday).</summary>
    public static readonly DateTimeOffset QuietMorning = new(2025, 7, 8, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Real time running from <paramref name="wallClock"/> now.</summary>
    public static ShiftedTimeProvider StartingAt(DateTimeOffset wallClock) => new(wallClock - System.GetUtcNow());

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
