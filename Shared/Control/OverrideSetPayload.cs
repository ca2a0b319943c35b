using System.Text.Json.Serialization;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The <c>override/set</c> command as written by the CLI (<c>{"state":"open","until":"…","reason":"…"}</c>);
/// the controller reads it with <see cref="OverrideCommandParser"/>, which reports every bad field.
/// </summary>
public sealed record OverrideSetPayload
{
    /// <summary><c>open</c>, <c>closed</c> or <c>auto</c>.</summary>
    public required OverrideTarget State { get; init; }

    /// <summary>When it ends; absent means the controller's default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public OffsetDateTime? Until { get; init; }

    /// <summary>Why (recorded in the audit trail).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Reason { get; init; }
}
