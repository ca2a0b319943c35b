using System.Text.Json.Serialization;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// One line of the audit trail: published on <c>mpp/{site}/events</c> (not retained) and appended to the
/// controller's local journal. <see cref="Type"/> says which fields are set.
/// </summary>
public sealed record EventMessage
{
    /// <summary><c>command-result</c>, <c>override</c>, <c>schedule</c>, <c>door</c> or <c>startup</c>.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }

    /// <summary>When (ISO 8601 with the site's offset).</summary>
    [JsonPropertyName("at")] public required string At { get; init; }

    /// <summary>Who: MQTT user name, <c>button</c>, <c>cli</c> or <c>controller</c>.</summary>
    [JsonPropertyName("by")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? By { get; init; }

    /// <summary>The command topic a result answers.</summary>
    [JsonPropertyName("topic")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Topic { get; init; }

    /// <summary>Command accepted or refused (command results).</summary>
    [JsonPropertyName("ok")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Ok { get; init; }

    /// <summary>Why a command was refused.</summary>
    [JsonPropertyName("error")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }

    /// <summary>The field a refusal is about.</summary>
    [JsonPropertyName("field")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Field { get; init; }

    /// <summary>The command's correlation data (base64), so a result can be matched without a response topic.</summary>
    [JsonPropertyName("correlation")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Correlation { get; init; }

    /// <summary>Override: <c>open</c>, <c>closed</c> or <c>auto</c>; door: <c>open</c>/<c>closed</c>.</summary>
    [JsonPropertyName("state")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? State { get; init; }

    /// <summary>Override: when it ends.</summary>
    [JsonPropertyName("until")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Until { get; init; }

    /// <summary>Override: why (as given); door: the reason code.</summary>
    [JsonPropertyName("reason")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reason { get; init; }

    /// <summary>Free detail (e.g. <c>expired</c>, the phase, the schedule's source).</summary>
    [JsonPropertyName("detail")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Detail { get; init; }
}
