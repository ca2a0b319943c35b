using System.Text.Json.Serialization;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The retained payload of <c>mpp/{site}/status</c>. Instants are ISO 8601 with the site's offset
/// (<c>2024-07-01T08:00:00+07:00</c>); absent values are null.
/// </summary>
public sealed record StatusMessage
{
    /// <summary><c>open</c> or <c>closed</c>: what the relay shows.</summary>
    [JsonPropertyName("state")] public required string State { get; init; }

    /// <summary><c>open</c>, <c>closing-soon</c> or <c>closed</c>.</summary>
    [JsonPropertyName("phase")] public required string Phase { get; init; }

    /// <summary><c>auto</c> or <c>override</c>.</summary>
    [JsonPropertyName("mode")] public required string Mode { get; init; }

    /// <summary><c>regular</c>, <c>holiday</c>, <c>special</c>, <c>closure</c>, <c>override</c> or <c>clock-unsynchronised</c>, <c>schedule-unavailable</c>.</summary>
    [JsonPropertyName("reason")] public required string Reason { get; init; }

    /// <summary>Holiday or special-period name, or null.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>Comment of the rule in force (opening_hours comment), or null.</summary>
    [JsonPropertyName("comment")] public string? Comment { get; init; }

    /// <summary>Since when the current state holds.</summary>
    [JsonPropertyName("since")] public string? Since { get; init; }

    /// <summary>Next instant at which state, phase or reason changes.</summary>
    [JsonPropertyName("nextChange")] public string? NextChange { get; init; }

    /// <summary>When open: when it closes.</summary>
    [JsonPropertyName("closesAt")] public string? ClosesAt { get; init; }

    /// <summary>When closed: when it next opens.</summary>
    [JsonPropertyName("opensAt")] public string? OpensAt { get; init; }

    /// <summary>The override in force, or null.</summary>
    [JsonPropertyName("override")] public OverrideInfo? Override { get; init; }

    /// <summary><c>on</c> or <c>off</c>.</summary>
    [JsonPropertyName("relay")] public required string Relay { get; init; }

    /// <summary>Whether the controller's clock is synchronised.</summary>
    [JsonPropertyName("clockSynced")] public required bool ClockSynced { get; init; }

    /// <summary>Today's opening intervals as <c>08:00-14:00</c> strings (site-local).</summary>
    [JsonPropertyName("todayHours")] public IReadOnlyList<string>? TodayHours { get; init; }

    /// <summary>Human message for the status (e.g. "time not synchronised").</summary>
    [JsonPropertyName("message")] public string? Message { get; init; }

    /// <summary>Site time zone id (e.g. Asia/Jakarta).</summary>
    [JsonPropertyName("timeZone")] public string? TimeZone { get; init; }

    /// <summary>When this status was computed.</summary>
    [JsonPropertyName("updatedAt")] public required string UpdatedAt { get; init; }
}

/// <summary>The override part of <see cref="StatusMessage"/>.</summary>
public sealed record OverrideInfo
{
    /// <summary><c>open</c> or <c>closed</c>.</summary>
    [JsonPropertyName("state")] public required string State { get; init; }

    /// <summary>When it ends (ISO 8601 with offset).</summary>
    [JsonPropertyName("until")] public string? Until { get; init; }

    /// <summary>Who set it: MQTT user name, <c>button</c> or <c>cli</c>.</summary>
    [JsonPropertyName("by")] public string? By { get; init; }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")] public string? Reason { get; init; }
}
