using Microsoft.Extensions.Hosting;

namespace MppSignage.Panel.Sessions;

/// <summary>Closes idle sessions' broker connections even when their browser never comes back.</summary>
public sealed class SessionSweeper(SessionStore store, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await store.SweepAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
