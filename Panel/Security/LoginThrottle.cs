using System.Collections.Concurrent;

namespace MppSignage.Panel.Security;

/// <summary>
/// Login backoff per user name and per client address: the first <see cref="FreeFailures"/> failures
/// cost nothing, then each one doubles the wait (5 s, 10 s, 20 s … up to <see cref="MaxWait"/>).
/// A success clears the user's and the address's count. Bounded: at most <see cref="MaxKeys"/> keys.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    /// <summary>Failures allowed before waiting starts.</summary>
    public const int FreeFailures = 3;

    /// <summary>Most keys remembered (the oldest are dropped beyond that).</summary>
    public const int MaxKeys = 10_000;

    /// <summary>Wait after the first failure beyond the free ones.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Until)> _keys = new(StringComparer.Ordinal);

    /// <summary>How long <paramref name="user"/> from <paramref name="address"/> must wait before trying again (zero: may try now).</summary>
    public TimeSpan WaitFor(string user, string address)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var key in Keys(user, address))
        {
            if (_keys.TryGetValue(key, out var entry) && entry.Until > now && entry.Until - now > wait)
            {
                wait = entry.Until - now;
            }
        }

        return wait;
    }

    /// <summary>Counts one failed attempt.</summary>
    public void Failed(string user, string address)
    {
        if (_keys.Count >= MaxKeys)
        {
            foreach (var old in _keys.OrderBy(k => k.Value.Until).Take(MaxKeys / 10))
            {
                _keys.TryRemove(old.Key, out _);
            }
        }

        var now = time.GetUtcNow();
        foreach (var key in Keys(user, address))
        {
            _keys.AddOrUpdate(key, _ => (1, now), (_, e) =>
            {
                var failures = e.Failures + 1;
                var wait = failures <= FreeFailures ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(FirstWait.TotalSeconds * Math.Pow(2, failures - FreeFailures - 1), MaxWait.TotalSeconds));
                return (failures, now + wait);
            });
        }
    }

    /// <summary>Clears the counts after a successful login.</summary>
    public void Succeeded(string user, string address)
    {
        foreach (var key in Keys(user, address))
        {
            _keys.TryRemove(key, out _);
        }
    }

    private static string[] Keys(string user, string address) => ["u:" + user, "a:" + address];
}
