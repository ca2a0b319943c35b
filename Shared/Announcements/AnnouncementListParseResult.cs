namespace MppSignage.Shared.Announcements;

/// <summary>The outcome of parsing the retained announcement list.</summary>
/// <param name="Items">The valid items, in list order (invalid items are left out).</param>
/// <param name="Problems">Problems of the list or of single items (fields prefixed with <c>items[i].</c>).</param>
public sealed record AnnouncementListParseResult(IReadOnlyList<Announcement> Items, IReadOnlyList<AnnouncementProblem> Problems);
