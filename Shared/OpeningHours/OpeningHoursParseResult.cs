namespace MppSignage.Shared.OpeningHours;

/// <summary>The outcome of <see cref="OpeningHoursExpression.Parse"/>: the expression, or the error.</summary>
/// <param name="Expression">The parsed expression, or null on error.</param>
/// <param name="Error">The error, or null on success.</param>
public sealed record OpeningHoursParseResult(OpeningHoursExpression? Expression, OpeningHoursParseError? Error)
{
    /// <summary>True when <see cref="Expression"/> is set.</summary>
    public bool Success => Expression is not null;
}
