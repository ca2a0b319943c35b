using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Door;

namespace MppSignage.Controller.Hosting;

/// <summary>
/// systemd's watchdog (<c>WatchdogSec=</c>): Microsoft.Extensions.Hosting.Systemd only sends READY and
/// STOPPING, so this pings <c>WATCHDOG=1</c> at half the interval systemd asks for — but only while the
/// door loop has turned recently, so a hung loop gets the service restarted instead of kept alive.
/// </summary>
internal sealed class SystemdWatchdog(ISystemdNotifier notifier, DoorLoop loop, TimeProvider time, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || !long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), out var usec) || usec <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromMicroseconds(usec);
        Log.WatchdogEnabled(logger, interval.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval / 2, time, stoppingToken).ConfigureAwait(false);
            // The loop turns at least every Door:CheckIntervalSeconds; older activity means it is stuck.
            loop.RequestRecompute();
            if (Environment.TickCount64 - loop.LastActivity < interval.TotalMilliseconds)
            {
                notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
            else
            {
                Log.WatchdogWithheld(logger);
            }
        }
    }
}
