namespace MppSignage.Shared.Announcements;

/// <summary>The outcome of a store operation: the new store, or the unchanged one and why.</summary>
/// <param name="Store">The store after the operation (the same instance when refused).</param>
/// <param name="Problem">Why the operation was refused, or null when it was applied.</param>
/// <param name="Changed">True when the list changed (and should be persisted and republished).</param>
public sealed record AnnouncementStoreResult(AnnouncementStore Store, AnnouncementProblem? Problem, bool Changed)
{
    /// <summary>True when the operation was accepted.</summary>
    public bool Ok => Problem is null;
}
