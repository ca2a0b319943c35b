using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The limits an override command is judged by: the longest override, how long an open override
/// without <c>until</c> lasts when the schedule says closed, and the site zone (for "never past local
/// midnight" and for the times in refusals).
/// </summary>
/// <param name="Maximum">The longest override (<c>Door:OverrideMaxHours</c>).</param>
/// <param name="DefaultOpen">An open override without <c>until</c> outside opening hours (<c>Door:DefaultOpenOverrideMinutes</c>).</param>
/// <param name="Zone">The site zone.</param>
public sealed record OverridePolicy(Duration Maximum, Duration DefaultOpen, DateTimeZone Zone)
{
    /// <summary>
    /// Default length of an open override without <c>until</c> outside opening hours: staff keep the hall
    /// open for a queue for about an hour, not until the next opening.
    /// </summary>
    public static readonly Duration DefaultOpenOutsideHours = Duration.FromHours(1);
}
