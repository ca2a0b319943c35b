using System.Text.Json.Serialization;
using NodaTime;

namespace MppSignage.Shared.Announcements;

/// <summary>
/// The JSON of one announcement as it is written: the <c>announcements/set</c> payload (by the CLI and the
/// panel) and each item of the retained list (by the controller). Absent values are left out. Reading goes
/// through <see cref="AnnouncementJson.ParseAnnouncement"/>, which reports every bad field.
/// </summary>
public sealed record AnnouncementPayload
{
    /// <summary>Unique key.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Id { get; init; }

    /// <summary><c>text</c>, <c>qr</c>, <c>services</c> or <c>image</c>.</summary>
    public required AnnouncementKind Kind { get; init; }

    /// <summary>Headline, Indonesian first.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LocalizedText? Title { get; init; }

    /// <summary>Body text.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public LocalizedText? Body { get; init; }

    /// <summary>QR code target.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public QrTarget? Qr { get; init; }

    /// <summary><c>normal</c>, <c>high</c> or <c>emergency</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public AnnouncementPriority? Priority { get; init; }

    /// <summary>Shown from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OffsetDateTime? From { get; init; }

    /// <summary>Shown until.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OffsetDateTime? Until { get; init; }

    /// <summary>opening_hours expression: shown only while it is open.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? When { get; init; }

    /// <summary>Display seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Seconds { get; init; }

    /// <summary>Target screens; absent means every screen.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Screens { get; init; }

    /// <summary>Directory entries of a services page.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<ServiceEntry>? Services { get; init; }

    /// <summary>The poster of kind <c>image</c>: <c>{"sha256":"…","fit":"contain|cover","background":"auto|theme|#rrggbb"}</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PosterImage? Image { get; init; }

    /// <summary>The payload of a validated announcement (every field it has; empty lists left out).</summary>
    public static AnnouncementPayload Of(Announcement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return new()
        {
            Id = announcement.Id,
            Kind = announcement.Kind,
            Title = announcement.Title,
            Body = announcement.Body,
            Qr = announcement.Qr,
            Priority = announcement.Priority,
            From = announcement.From,
            Until = announcement.Until,
            When = announcement.When,
            Seconds = announcement.Seconds,
            Screens = announcement.Screens.Count > 0 ? announcement.Screens : null,
            Services = announcement.Services.Count > 0 ? announcement.Services : null,
            Image = announcement.Image,
        };
    }
}

/// <summary>The retained list on <c>mpp/{site}/announcements</c>: <c>{"updatedAt":…,"items":[…]}</c>.</summary>
public sealed record AnnouncementListPayload
{
    /// <summary>When the list last changed (site offset).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OffsetDateTime? UpdatedAt { get; init; }

    /// <summary>The items in force.</summary>
    public required IReadOnlyList<AnnouncementPayload> Items { get; init; }
}

/// <summary>The <c>announcements/delete</c> command: <c>{"id":"…"}</c>.</summary>
/// <param name="Id">The announcement to delete.</param>
public sealed record AnnouncementDeletePayload(string Id);
