using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Time.Testing;
using MppSignage.TestSupport;

namespace MppSignage.MqttHost.Tests;

public sealed class SystemdWatchdogTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset T0 = DateTimeOffset.UnixEpoch;

    [Fact]
    public void IsAlive_StuckLongerThanStuckAfter_IsFalseUntilProgressResumes()
    {
        long progress = 0;
        var signal = new LivenessSignal("the loop", () => progress, stuckAfter: TimeSpan.FromSeconds(30));
        using var watchdog = new SystemdWatchdog(new RecordingNotifier(), signal, Interval, new FakeTimeProvider(T0), new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<SystemdWatchdog>());

        progress = 1;
        Assert.True(watchdog.IsAlive(At(10), Interval));   // progress seen at 10 s
        Assert.True(watchdog.IsAlive(At(20), Interval));   // 10 s without progress
        Assert.True(watchdog.IsAlive(At(39), Interval));   // 29 s
        Assert.False(watchdog.IsAlive(At(40), Interval));  // 30 s: stuck
        Assert.False(watchdog.IsAlive(At(90), Interval));
        progress = 2;
        Assert.True(watchdog.IsAlive(At(100), Interval));  // progress again
    }

    [Fact]
    public void IsAlive_WithoutStuckAfter_UsesTheSystemdInterval()
    {
        var signal = new LivenessSignal("the loop", () => 0);
        using var watchdog = new SystemdWatchdog(new RecordingNotifier(), signal, Interval, new FakeTimeProvider(T0), new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<SystemdWatchdog>());

        Assert.True(watchdog.IsAlive(At(19), Interval));
        Assert.False(watchdog.IsAlive(At(20), Interval));
    }

    [Fact]
    public async Task Watchdog_OnTheTimeProvider_PingsWhileProgressingAndNudgesEveryCheck()
    {
        var time = new FakeTimeProvider(T0);
        var notifier = new RecordingNotifier();
        var nudges = 0;
        var signal = new LivenessSignal("the loop", () => time.GetUtcNow().Ticks, nudge: () => Interlocked.Increment(ref nudges));
        using var watchdog = new SystemdWatchdog(notifier, signal, Interval, time, new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<SystemdWatchdog>());
        await watchdog.StartAsync(CancellationToken.None);

        // The fake clock moves on only here, so the pings can only come from delays on the TimeProvider.
        await Eventually.TrueAsync(() => notifier.Pings >= 3, "three pings", between: () =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        });

        Assert.True(Volatile.Read(ref nudges) >= 3);
        await watchdog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Watchdog_StuckSignal_WithholdsThePings()
    {
        var time = new FakeTimeProvider(T0);
        var notifier = new RecordingNotifier();
        var nudges = 0;
        var signal = new LivenessSignal("the loop", () => 7, nudge: () => Interlocked.Increment(ref nudges));
        using var watchdog = new SystemdWatchdog(notifier, signal, Interval, time, new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<SystemdWatchdog>());
        await watchdog.StartAsync(CancellationToken.None);

        // Well past the interval with no progress: at most the check before 20 s pinged.
        await Eventually.TrueAsync(() => Volatile.Read(ref nudges) >= 8, "eight checks", between: () =>
        {
            time.Advance(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        });

        Assert.True(notifier.Pings <= 1, $"{notifier.Pings} pings from a stuck service");
        await watchdog.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Watchdog_NotUnderSystemd_NeverPings()
    {
        var notifier = new RecordingNotifier { IsEnabled = false };
        using var watchdog = new SystemdWatchdog(notifier, new LivenessSignal("the loop", () => 0), Interval, new FakeTimeProvider(T0), new LogCollector(minimumLevel: LogLevel.Trace).CreateLogger<SystemdWatchdog>());
        await watchdog.StartAsync(CancellationToken.None);
        await watchdog.ExecuteTask!;
        Assert.Equal(0, notifier.Pings);
    }

    private static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private int _pings;

        public bool IsEnabled { get; init; } = true;

        public int Pings => Volatile.Read(ref _pings);

        public void Notify(ServiceState state) => Interlocked.Increment(ref _pings);
    }
}
