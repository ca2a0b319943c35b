using System.Text.Json.Serialization;

namespace MppSignage.Shared.Control;

/// <summary>The payload a client sends on <c>override/set</c> (read back by <see cref="OverrideCommandParser"/>).</summary>
public sealed record OverrideSetMessage
{
    /// <summary><c>open</c>, <c>closed</c> or <c>auto</c>.</summary>
    [JsonPropertyName("state")] public required string State { get; init; }

    /// <summary>End (ISO 8601 with offset); null means until the next scheduled change.</summary>
    [JsonPropertyName("until")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Until { get; init; }

    /// <summary>Why (audit trail).</summary>
    [JsonPropertyName("reason")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reason { get; init; }
}
