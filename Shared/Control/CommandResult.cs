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

    /// <summary>The accepted result.</summary>
    public static CommandResult Success { get; } = new() { Ok = true };

    /// <summary>A refusal naming the field and the reason.</summary>
    public static CommandResult Refused(string? field, string error) => new() { Ok = false, Field = field, Error = error };
}
