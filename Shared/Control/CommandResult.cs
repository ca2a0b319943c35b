using System.Text.Json.Serialization;

namespace MppSignage.Shared.Control;

/// <summary>
/// The answer to every command: <c>{"ok":true}</c> or <c>{"ok":false,"error":"…","field":"…"}</c>.
/// Sent to the command's Response Topic and always on the events topic.
/// </summary>
public sealed record CommandResult
{
    /// <summary>True when the command was accepted and applied.</summary>
    [JsonPropertyName("ok")] public required bool Ok { get; init; }

    /// <summary>Why it was refused (null when accepted).</summary>
    [JsonPropertyName("error")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }

    /// <summary>The offending field (JSON path, or <c>payload</c>/<c>retain</c> for message-level problems).</summary>
    [JsonPropertyName("field")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Field { get; init; }

    /// <summary>The kept asset's id (an accepted <c>uploads/put</c>): 64 lowercase hex digits of the processed image's SHA-256.</summary>
    [JsonPropertyName("sha256")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Sha256 { get; init; }

    /// <summary>The kept asset's width in pixels (<c>uploads/put</c>).</summary>
    [JsonPropertyName("width")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Width { get; init; }

    /// <summary>The kept asset's height in pixels (<c>uploads/put</c>).</summary>
    [JsonPropertyName("height")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Height { get; init; }

    /// <summary>The kept asset's size in bytes (<c>uploads/put</c>).</summary>
    [JsonPropertyName("bytes")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Bytes { get; init; }

    /// <summary>What was done to an accepted upload (resized, turned upright, first frame kept, re-encoded).</summary>
    [JsonPropertyName("note")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }

    /// <summary>The accepted result.</summary>
    public static CommandResult Success { get; } = new() { Ok = true };

    /// <summary>A refusal naming the field and the reason.</summary>
    public static CommandResult Refused(string? field, string error) => new() { Ok = false, Field = field, Error = error };
}
