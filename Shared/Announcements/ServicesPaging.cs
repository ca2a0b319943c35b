namespace MppSignage.Shared.Announcements;

/// <summary>
/// How a services directory is cut into pages: <c>perPage</c> entries each, in order, the last one holding the
/// rest. Pure, so the rotation (how many slides) and the slide builder (which entries) agree.
/// </summary>
public static class ServicesPaging
{
    /// <summary>The pages of <paramref name="announcement"/>: 1 for anything but a directory longer than a page.</summary>
    public static int PageCount(Announcement announcement, int perPage)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        return announcement.Kind == AnnouncementKind.Services && announcement.Services.Count > perPage
            ? (announcement.Services.Count + perPage - 1) / perPage
            : 1;
    }

    /// <summary>The entries on page <paramref name="page"/> (0-based; past the end: the last page).</summary>
    public static IReadOnlyList<ServiceEntry> Page(Announcement announcement, int page, int perPage)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var last = PageCount(announcement, perPage) - 1;
        var p = Math.Clamp(page, 0, last);
        return announcement.Services.Skip(p * perPage).Take(last == 0 ? announcement.Services.Count : perPage).ToList();
    }
}
