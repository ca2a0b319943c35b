namespace MppSignage.Shared.OpeningHours;

/// <summary>Why an opening_hours expression could not be parsed, and where.</summary>
/// <param name="Position">0-based character position in the expression.</param>
/// <param name="Message">What was expected or is wrong, e.g. "expected a time like 08:00".</param>
public sealed record OpeningHoursParseError(int Position, string Message)
{
    /// <summary>"at 14: expected a time like 08:00".</summary>
    public override string ToString() => $"at {Position}: {Message}";
}
