namespace MppSignage.Shared.Control;

/// <summary>The result of parsing a command payload: the value, or the refusal naming field and reason.</summary>
/// <typeparam name="T">The parsed command type.</typeparam>
public sealed record ParseOutcome<T>(T? Value, CommandResult? Error)
    where T : class
{
    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool Success => Value is not null;

    /// <summary>A successful parse.</summary>
    public static ParseOutcome<T> Ok(T value) => new(value, null);

    /// <summary>A refusal.</summary>
    public static ParseOutcome<T> Refused(string? field, string error) => new(null, CommandResult.Refused(field, error));

    /// <summary>A refusal from an existing result.</summary>
    public static ParseOutcome<T> Refused(CommandResult error) => new(null, error);
}
