namespace MppSignage.MqttHost;

/// <summary>
/// What the systemd watchdog watches: a number that changes whenever the service does its work (door loop turns,
/// frames drawn), how long without a change counts as stuck, and an optional nudge that asks for work before each check.
/// </summary>
public sealed class LivenessSignal
{
    private readonly Func<long> _progress;

    /// <summary>Creates the signal.</summary>
    /// <param name="what">What progresses, for the log, e.g. <c>the door loop</c>.</param>
    /// <param name="progress">Reads the progress counter.</param>
    /// <param name="stuckAfter">No change for this long is stuck; null means the systemd watchdog interval itself.</param>
    /// <param name="nudge">Called before every check, e.g. to make the loop turn; null for none.</param>
    public LivenessSignal(string what, Func<long> progress, TimeSpan? stuckAfter = null, Action? nudge = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        ArgumentNullException.ThrowIfNull(progress);
        if (stuckAfter is { } s)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(s, TimeSpan.Zero, nameof(stuckAfter));
        }

        What = what;
        _progress = progress;
        StuckAfter = stuckAfter;
        Nudge = nudge;
    }

    /// <summary>What progresses, for the log.</summary>
    public string What { get; }

    /// <summary>No change for this long is stuck; null means the watchdog interval.</summary>
    public TimeSpan? StuckAfter { get; }

    /// <summary>Called before every check; may be null.</summary>
    public Action? Nudge { get; }

    /// <summary>The progress counter now.</summary>
    public long Progress => _progress();
}
