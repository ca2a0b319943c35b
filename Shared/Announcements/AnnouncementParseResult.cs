namespace MppSignage.Shared.Announcements;

/// <summary>The outcome of parsing one announcement payload.</summary>
/// <param name="Announcement">The validated announcement, or null when there are problems.</param>
/// <param name="Problems">Every problem found; empty when <paramref name="Announcement"/> is set.</param>
public sealed record AnnouncementParseResult(Announcement? Announcement, IReadOnlyList<AnnouncementProblem> Problems)
{
    /// <summary>True when the payload was accepted.</summary>
    public bool Ok => Announcement is not null;
}
