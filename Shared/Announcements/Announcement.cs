using NodaTime;

namespace MppSignage.Shared.Announcements;

/// <summary>
/// One admin-pushed item of the signage rotation. Build it with <see cref="AnnouncementJson.ParseAnnouncement"/>
/// so that it has passed validation and the limits of <see cref="AnnouncementLimits"/>.
/// </summary>
public sealed record Announcement
{
    /// <summary>Unique key (1–64 of a-z, 0-9, '-', '_'); an upsert with the same id replaces the item.</summary>
    public required string Id { get; init; }

    /// <summary>Text, QR, services page or poster.</summary>
    public required AnnouncementKind Kind { get; init; }

    /// <summary>Headline, Indonesian first: required for text, qr and services; optional for a poster (<see cref="AnnouncementKind.Image"/>),
    /// whose caption band shows it when present.</summary>
    public LocalizedText? Title { get; init; }

    /// <summary>Body text, or null.</summary>
    public LocalizedText? Body { get; init; }

    /// <summary>QR code target (required for <see cref="AnnouncementKind.Qr"/>, optional for text), or null.</summary>
    public QrTarget? Qr { get; init; }

    /// <summary>Rotation weight; <see cref="AnnouncementPriority.Emergency"/> takes over the screen.</summary>
    public AnnouncementPriority Priority { get; init; } = AnnouncementPriority.Normal;

    /// <summary>Shown from this instant on (inclusive); null means already valid.</summary>
    public OffsetDateTime? From { get; init; }

    /// <summary>Shown until this instant (exclusive); null means until deleted.</summary>
    public OffsetDateTime? Until { get; init; }

    /// <summary>Optional opening_hours expression: shown only while it is open (e.g. <c>Mo-Fr 08:00-12:00</c>).</summary>
    public string? When { get; init; }

    /// <summary>How long one showing lasts.</summary>
    public int Seconds { get; init; } = AnnouncementLimits.DefaultSeconds;

    /// <summary>Screen ids it is shown on; empty means every screen of the site.</summary>
    public IReadOnlyList<string> Screens { get; init; } = [];

    /// <summary>Directory entries (only for <see cref="AnnouncementKind.Services"/>).</summary>
    public IReadOnlyList<ServiceEntry> Services { get; init; } = [];

    /// <summary>The poster (required for <see cref="AnnouncementKind.Image"/>, null for the other kinds).</summary>
    public PosterImage? Image { get; init; }

    /// <summary>True when <paramref name="instant"/> lies in [<see cref="From"/>, <see cref="Until"/>).</summary>
    public bool IsValidAt(Instant instant) =>
        (From is null || From.Value.ToInstant() <= instant)
        && (Until is null || instant < Until.Value.ToInstant());

    /// <summary>True when the item targets <paramref name="screenId"/> (or every screen).</summary>
    public bool TargetsScreen(string screenId) =>
        Screens.Count == 0 || Screens.Contains(screenId, StringComparer.Ordinal);

    /// <summary>True once <see cref="Until"/> has passed: the item will never be shown again.</summary>
    public bool IsExpiredAt(Instant instant) => Until is not null && Until.Value.ToInstant() <= instant;
}
