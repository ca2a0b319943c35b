using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using NodaTime;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.SignageRenderer.Composition;

/// <summary>Everything the renderer knows at one moment: what it received and how fresh it is.</summary>
/// <param name="Status">The last status received, or null.</param>
/// <param name="Schedule">The last valid schedule received, or null.</param>
/// <param name="Announcements">The last announcement list received.</param>
/// <param name="UnavailableSince">Since when the broker is lost or the controller offline; null while both are fine.</param>
/// <param name="Version">Increases on every change.</param>
public sealed record SignageSnapshot(
    StatusMessage? Status,
    SiteSchedule? Schedule,
    IReadOnlyList<Announcement> Announcements,
    Instant? UnavailableSince,
    long Version)
{
    /// <summary>Nothing received yet, connected.</summary>
    public static readonly SignageSnapshot Empty = new(null, null, [], null, 0);

    /// <summary>
    /// The posters this screen can draw now (SHA-256 of assets on disk that decode); kind-image announcements whose
    /// asset is not in it are left out of the rotation. Null (a preview without a poster cache): nothing is left out.
    /// </summary>
    public IReadOnlySet<string>? Posters { get; init; }
}
