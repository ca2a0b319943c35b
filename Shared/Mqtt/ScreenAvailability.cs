using System.Text.Json.Serialization;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The retained payload of <c>mpp/{site}/screens/{id}/availability</c>: published by the screen itself
/// when it connects (<c>online: true</c>) and registered as its Last Will (<c>online: false</c>), so a
/// screen that loses power shows as offline.
/// </summary>
public sealed record ScreenAvailability
{
    /// <summary>True while the screen is connected.</summary>
    public required bool Online { get; init; }

    /// <summary>Frame width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Frame height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>When the screen connected (ISO 8601 with the site offset).</summary>
    public string? At { get; init; }
}
