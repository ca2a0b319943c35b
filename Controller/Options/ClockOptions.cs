namespace MppSignage.Controller.Options;

/// <summary>Section <c>Clock</c>: how to tell whether the system time can be trusted (a Pi has no battery-backed clock).</summary>
public sealed class ClockOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Clock";

    /// <summary>systemd-timesyncd creates this file once it has synchronised.</summary>
    public const string DefaultSyncFile = "/run/systemd/timesync/synchronized";

    /// <summary>Treat the clock as synchronised (development, tests, or a board with an RTC).</summary>
    public bool AssumeSynchronized { get; set; }

    /// <summary>The marker file of systemd-timesyncd; when absent, the kernel's adjtimex status is asked.</summary>
    public string SyncFile { get; set; } = DefaultSyncFile;

    /// <summary>What the door does while unsynchronised: <c>closed</c> (default), <c>open</c> or <c>schedule</c>.</summary>
    public string UnsynchronizedPolicy { get; set; } = "closed";
}
