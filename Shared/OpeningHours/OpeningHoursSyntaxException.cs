namespace MppSignage.Shared.OpeningHours;

/// <summary>Internal signal of a parse error; <see cref="OpeningHoursExpression.Parse"/> turns it into an <see cref="OpeningHoursParseError"/>.</summary>
internal sealed class OpeningHoursSyntaxException : Exception
{
    public OpeningHoursSyntaxException(int position, string message)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Character position (0-based) in the expression.</summary>
    public int Position { get; }
}
