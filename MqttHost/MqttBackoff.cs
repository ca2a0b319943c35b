namespace MppSignage.MqttHost;

/// <summary>Reconnect delays: start at <see cref="Min"/>, double after every failed attempt up to <see cref="Max"/>, back to <see cref="Min"/> once connected.</summary>
public sealed record MqttBackoff
{
    /// <summary>Creates the policy; <paramref name="min"/> must be positive and <paramref name="max"/> at least <paramref name="min"/>.</summary>
    public MqttBackoff(TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero, nameof(min));
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min, nameof(max));
        Min = min;
        Max = max;
    }

    /// <summary>The first delay.</summary>
    public TimeSpan Min { get; }

    /// <summary>The longest delay.</summary>
    public TimeSpan Max { get; }

    /// <summary>The delay after <paramref name="delay"/>: doubled, at most <see cref="Max"/>.</summary>
    public TimeSpan Next(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Max.Ticks));
}
