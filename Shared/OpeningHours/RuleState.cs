namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// The answer of one evaluation as opening_hours.js's getStatePair gives it: open flag, unknown flag,
/// comment, and the stamp (minutes since 1970-01-01 local) the selectors report as the next possible change.
/// </summary>
internal readonly record struct RuleState(bool Open, bool Unknown, string? Comment, long Change)
{
    /// <summary>The public three-valued state (open wins over unknown, as the reference's getStateString).</summary>
    public OpeningState State => Open ? OpeningState.Open : Unknown ? OpeningState.Unknown : OpeningState.Closed;

    /// <summary>Whether the reference's iterator treats the two as the same (state, unknown and comment equal).</summary>
    public bool SameAs(in RuleState other)
        => Open == other.Open && Unknown == other.Unknown && string.Equals(Comment, other.Comment, StringComparison.Ordinal);
}
