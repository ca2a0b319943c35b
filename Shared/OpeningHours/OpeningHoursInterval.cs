using NodaTime;

namespace MppSignage.Shared.OpeningHours;

/// <summary>A stretch of local time with one state and comment, as returned by <see cref="OpeningHoursExpression.GetIntervals"/>.</summary>
/// <param name="From">Start (inclusive), local wall time.</param>
/// <param name="To">End (exclusive), local wall time.</param>
/// <param name="State">The state throughout.</param>
/// <param name="Comment">The comment throughout, or null.</param>
public sealed record OpeningHoursInterval(LocalDateTime From, LocalDateTime To, OpeningState State, string? Comment);
