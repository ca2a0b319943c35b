namespace MppSignage.Shared.Announcements;

/// <summary>How a screen's rotation is built.</summary>
/// <param name="StatusSeconds">How long the status slide stays.</param>
/// <param name="HoursSeconds">How long the hours slide stays.</param>
/// <param name="QrSeconds">How long the QR slide stays.</param>
/// <param name="ShowHours">Whether the hours slide is in the rotation.</param>
/// <param name="ShowQr">Whether the QR slide is in the rotation.</param>
/// <param name="StatusEvery">The status slide comes back after this many other slides.</param>
/// <param name="ServicesPerPage">
/// Directory entries per services slide: the screen's layout says how many fit at a readable size (fewer on a
/// portrait or small screen); a directory with more entries takes several slides, one per page.
/// </param>
public sealed record RotationSettings(
    int StatusSeconds = 15,
    int HoursSeconds = 10,
    int QrSeconds = 10,
    bool ShowHours = true,
    bool ShowQr = true,
    int StatusEvery = 2,
    int ServicesPerPage = AnnouncementLimits.MaxServicesPerPage)
{
    /// <summary>The pages <paramref name="announcement"/> takes: one, or for a services directory one per <see cref="ServicesPerPage"/> entries.</summary>
    public int PagesOf(Announcement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return ServicesPaging.PageCount(announcement, ServicesPerPage);
    }

    /// <summary>The defaults.</summary>
    public static readonly RotationSettings Default = new();
}
