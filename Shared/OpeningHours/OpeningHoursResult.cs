namespace MppSignage.Shared.OpeningHours;

/// <summary>The state of an opening_hours expression at one instant, with the comment that applies (if any).</summary>
/// <param name="State">Open, closed or unknown.</param>
/// <param name="Comment">The rule's comment, a holiday name for <c>PH</c> rules, or the open-end note; null if none.</param>
public readonly record struct OpeningHoursResult(OpeningState State, string? Comment);
