namespace MppSignage.Shared.Control;

/// <summary>What applying an override command gives: the result to send and, when accepted, the new override (null = automatic).</summary>
/// <param name="Result">Accepted, or refused with field and reason.</param>
/// <param name="Override">The override to store when accepted; null means automatic mode.</param>
public sealed record OverrideOutcome(CommandResult Result, OverrideState? Override);
