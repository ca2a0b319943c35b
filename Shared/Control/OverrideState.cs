using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>An accepted override: forced open or closed until <see cref="Until"/>. Persisted as is.</summary>
/// <param name="Open">True when forced open, false when forced closed.</param>
/// <param name="Until">When it ends; at and after this instant the schedule decides again.</param>
/// <param name="By">Who set it: MQTT user name, <c>button</c> or <c>cli</c>.</param>
/// <param name="Reason">Why, as given by the person (may be null).</param>
/// <param name="SetAt">When it was accepted.</param>
public sealed record OverrideState(bool Open, Instant Until, string By, string? Reason, Instant SetAt)
{
    /// <summary>
    /// True while the override is in force at <paramref name="now"/>. Expiry is a pure function of time,
    /// so a controller restarted after <see cref="Until"/> comes back in automatic mode without any timer.
    /// </summary>
    public bool IsActiveAt(Instant now) => now < Until;
}
