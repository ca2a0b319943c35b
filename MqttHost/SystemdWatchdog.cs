using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace MppSignage.MqttHost;

/// <summary>
/// systemd's watchdog (<c>WatchdogSec=</c>): Microsoft.Extensions.Hosting.Systemd sends only READY and STOPPING, so this
/// pings <c>WATCHDOG=1</c> at half the interval systemd asks for (<c>WATCHDOG_USEC</c>), but only while the
/// <see cref="LivenessSignal"/> keeps changing: a stuck service loses its pings and systemd restarts it.
/// Timed by the <see cref="TimeProvider"/>.
/// </summary>
public sealed class SystemdWatchdog : BackgroundService
{
    private readonly ISystemdNotifier _notifier;
    private readonly LivenessSignal _signal;
    private readonly TimeSpan? _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<SystemdWatchdog> _logger;
    private long _lastProgress;
    private DateTimeOffset _lastChange;

    /// <summary>Creates the watchdog; <paramref name="interval"/> is systemd's (<see cref="IntervalFromEnvironment"/>), null when off.</summary>
    public SystemdWatchdog(ISystemdNotifier notifier, LivenessSignal signal, TimeSpan? interval, TimeProvider time, ILogger<SystemdWatchdog> logger)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _notifier = notifier;
        _signal = signal;
        _interval = interval;
        _time = time;
        _logger = logger;
        _lastProgress = signal.Progress;
        _lastChange = time.GetUtcNow();
    }

    /// <summary>The interval systemd set in <c>WATCHDOG_USEC</c>, or null when the watchdog is off.</summary>
    public static TimeSpan? IntervalFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out var usec) && usec > 0 ? TimeSpan.FromMicroseconds(usec) : null;

    /// <summary>Registers the watchdog over the signal <paramref name="signal"/> builds (needs <see cref="ISystemdNotifier"/> and <see cref="TimeProvider"/>).</summary>
    public static void AddTo(IServiceCollection services, Func<IServiceProvider, LivenessSignal> signal)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(signal);
        services.AddHostedService(sp => new SystemdWatchdog(
            sp.GetRequiredService<ISystemdNotifier>(),
            signal(sp),
            IntervalFromEnvironment(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SystemdWatchdog>>()));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_notifier.IsEnabled || _interval is not { } interval)
        {
            return;
        }

        Log.WatchdogEnabled(_logger, interval.TotalSeconds, _signal.What);
        while (!stoppingToken.IsCancellationRequested)
        {
            _signal.Nudge?.Invoke();
            try
            {
                await Task.Delay(interval / 2, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (IsAlive(now, interval))
            {
                _notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
            else
            {
                Log.WatchdogWithheld(_logger, _signal.What, (now - _lastChange).TotalSeconds);
            }
        }
    }

    /// <summary>One check at <paramref name="now"/>: true while the signal changed less than its stuck time ago.</summary>
    internal bool IsAlive(DateTimeOffset now, TimeSpan interval)
    {
        var progress = _signal.Progress;
        if (progress != _lastProgress)
        {
            _lastProgress = progress;
            _lastChange = now;
        }

        return now - _lastChange < (_signal.StuckAfter ?? interval);
    }
}
