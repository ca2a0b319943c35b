namespace MppSignage.Shared.Announcements;

/// <summary>Names one slide: a built-in kind, or an announcement by id.</summary>
/// <param name="Kind">The slide kind.</param>
/// <param name="AnnouncementId">The announcement's id when <paramref name="Kind"/> is <see cref="SlideKind.Announcement"/>.</param>
/// <param name="Page">The page (0-based) of a services directory that takes several slides; 0 otherwise.</param>
public sealed record SlideRef(SlideKind Kind, string? AnnouncementId = null, int Page = 0)
{
    /// <summary>The status slide.</summary>
    public static readonly SlideRef Status = new(SlideKind.Status);

    /// <summary>The hours slide.</summary>
    public static readonly SlideRef Hours = new(SlideKind.Hours);

    /// <summary>The QR slide.</summary>
    public static readonly SlideRef Qr = new(SlideKind.Qr);

    /// <summary>The slide of announcement <paramref name="id"/>.</summary>
    public static SlideRef ForAnnouncement(string id, int page = 0) => new(SlideKind.Announcement, id, page);

    /// <inheritdoc />
    public override string ToString() => Kind != SlideKind.Announcement ? Kind.ToString().ToLowerInvariant()
        : Page == 0 ? $"announcement:{AnnouncementId}"
        : $"announcement:{AnnouncementId}/{Page + 1}";
}
