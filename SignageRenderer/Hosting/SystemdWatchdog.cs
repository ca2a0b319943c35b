using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using MppSignage.SignageRenderer.Service;

namespace MppSignage.SignageRenderer.Hosting;

/// <summary>
/// systemd's watchdog for the renderer (<c>WatchdogSec=</c> in deploy-pi/systemd/mpp-signage.service):
/// Microsoft.Extensions.Hosting.Systemd sends only READY and STOPPING, so this pings <c>WATCHDOG=1</c>
/// at half the interval systemd asks for, but only while the render loop keeps producing frames. The
/// footer clock changes every minute, so a healthy loop writes at least one frame a minute; a loop stuck
/// for <see cref="StuckAfter"/> stops the pings and systemd restarts the service.
/// </summary>
public sealed partial class SystemdWatchdog : BackgroundService
{
    /// <summary>No frame for this long means the loop is stuck (three missed minute updates).</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(3);

    private readonly ISystemdNotifier _notifier;
    private readonly RenderService _render;
    private readonly TimeProvider _time;
    private readonly ILogger<SystemdWatchdog> _logger;

    /// <summary>Creates the watchdog.</summary>
    public SystemdWatchdog(ISystemdNotifier notifier, RenderService render, TimeProvider time, ILogger<SystemdWatchdog> logger)
    {
        _notifier = notifier;
        _render = render;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_notifier.IsEnabled || !long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out var usec) || usec <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromMicroseconds(usec);
        WatchdogEnabled(_logger, interval.TotalSeconds);
        var lastFrames = _render.FramesWritten;
        var lastProgress = _time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval / 2, _time, stoppingToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var frames = _render.FramesWritten;
            if (frames != lastFrames)
            {
                lastFrames = frames;
                lastProgress = now;
            }

            if (now - lastProgress < StuckAfter)
            {
                _notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
            else
            {
                WatchdogWithheld(_logger, (now - lastProgress).TotalSeconds);
            }
        }
    }

    [LoggerMessage(EventId = 9110, Level = LogLevel.Information, Message = "systemd watchdog: pinging every {Seconds:0.#} s / 2 while frames are drawn")]
    private static partial void WatchdogEnabled(ILogger logger, double seconds);

    [LoggerMessage(EventId = 9111, Level = LogLevel.Error, Message = "systemd watchdog: no frame for {Seconds:0} s, ping withheld so systemd restarts the renderer")]
    private static partial void WatchdogWithheld(ILogger logger, double seconds);
}
