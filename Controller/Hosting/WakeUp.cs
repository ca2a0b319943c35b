using NodaTime;

namespace MppSignage.Controller.Hosting;

/// <summary>
/// The one "sleep until the next due instant or a change" of the controller's background services (announcement
/// expiry, asset garbage collection): <see cref="WaitAsync"/> returns at <c>next</c> (at most an hour away, which also
/// catches clock jumps), after <see cref="Signal"/>, or on cancellation; the delay runs on the <see cref="TimeProvider"/>.
/// </summary>
/// <param name="time">The controller's clock.</param>
internal sealed class WakeUp(TimeProvider time)
{
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);
    private readonly SemaphoreSlim _changed = new(0, 1);

    /// <summary>Wakes the waiter now (or its next wait, when none is waiting); several signals count as one.</summary>
    public void Signal()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
    }

    /// <summary>Waits until <paramref name="next"/> (null: an hour), a <see cref="Signal"/>, or cancellation (then returns quietly).</summary>
    /// <param name="next">The next due instant, or null.</param>
    /// <param name="now">Now, on the same clock.</param>
    /// <param name="ct">Stops the wait.</param>
    public async Task WaitAsync(Instant? next, Instant now, CancellationToken ct)
    {
        var wait = next is { } n ? (n - now).ToTimeSpan() : Longest;
        wait = wait < Shortest ? Shortest : wait > Longest ? Longest : wait;
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(wait, time, wake.Token);
        var changed = _changed.WaitAsync(wake.Token);
        try
        {
            await Task.WhenAny(delay, changed).ConfigureAwait(false);
        }
        finally
        {
            await wake.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(delay, changed).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        }
    }
}
