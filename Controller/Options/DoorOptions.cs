namespace MppSignage.Controller.Options;

/// <summary>Section <c>Door</c>: decision and loop timing.</summary>
public sealed class DoorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Door";

    /// <summary>Minutes before a scheduled close during which the closing-soon phase shows (0 disables it).</summary>
    public int ClosingSoonMinutes { get; set; } = 15;

    /// <summary>The longest override, in hours.</summary>
    public double OverrideMaxHours { get; set; } = 12;

    /// <summary>
    /// Minutes an open override without <c>until</c> lasts while the schedule says closed (never past local
    /// midnight): keeping the hall open for a queue, not until the next opening.
    /// </summary>
    public int DefaultOpenOverrideMinutes { get; set; } = 60;

    /// <summary>
    /// Seconds between periodic re-decisions. They catch clock jumps (NTP stepping the clock after boot)
    /// and missed wake-ups; 30 s keeps a missed change short without measurable load.
    /// </summary>
    public int CheckIntervalSeconds { get; set; } = 30;
}
