using System.Text.Json.Serialization;

namespace MppSignage.Shared.Announcements;

/// <summary>The payload a client sends on <c>announcements/delete</c> (read back by <see cref="AnnouncementJson.ParseDelete"/>).</summary>
public sealed record AnnouncementDeleteMessage
{
    /// <summary>The announcement id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
}
