using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>A parsed <c>override/set</c> payload: <c>{"state":"open|closed|auto","until":ISO8601|null,"reason":text}</c>.</summary>
/// <param name="Target">Open, closed or back to auto.</param>
/// <param name="Until">Requested end, or null for the default end (<see cref="OverrideRules.DefaultUntil"/>).</param>
/// <param name="Reason">Free text, or null.</param>
public sealed record OverrideCommand(OverrideTarget Target, Instant? Until, string? Reason);
