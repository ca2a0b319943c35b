using System.Diagnostics;

namespace MppSignage.TestSupport;

/// <summary>
/// Awaits a condition that real threads (a broker, a host's loop, a render loop) make true, with a deadline
/// on the monotonic clock: never a fixed sleep, and a failure that says what was awaited.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition may take unless the test says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How often the condition is checked (small next to any broker or loop round trip being awaited).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Returns once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming <paramref name="what"/>
    /// (and <paramref name="detail"/>, if given) after the deadline. <paramref name="between"/> runs after each failed
    /// check (for example, a step of a fake clock that a reconnect backoff waits on).
    /// </summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? detail = null, Func<Task>? between = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, timeout, detail, between);

    /// <summary>As <see cref="TrueAsync(Func{bool}, string, TimeSpan?, Func{string}?, Func{Task}?)"/>, for a condition that is itself awaited (a connect attempt, a query).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? detail = null, Func<Task>? between = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
            {
                var more = detail?.Invoke();
                throw new TimeoutException($"waited {limit.TotalSeconds:0.#} s for {what}" + (string.IsNullOrEmpty(more) ? "" : ":\n" + more));
            }

            if (between is not null)
            {
                await between();
            }

            await Task.Delay(PollInterval);
        }
    }
}
