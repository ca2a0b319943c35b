using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The controller's <c>override.json</c> state file: the override in force, so it survives a restart or a
/// power cut. Instants are UTC (<c>2024-07-01T08:00:00Z</c>); <see cref="Reason"/> is written as null when absent.
/// </summary>
public sealed record OverrideStateFile
{
    /// <summary><c>open</c> or <c>closed</c>.</summary>
    public required string State { get; init; }

    /// <summary>When it ends.</summary>
    public required Instant Until { get; init; }

    /// <summary>Who set it.</summary>
    public required string By { get; init; }

    /// <summary>Why, or null.</summary>
    public string? Reason { get; init; }

    /// <summary>When it was set.</summary>
    public required Instant SetAt { get; init; }

    /// <summary>The file of <paramref name="value"/>.</summary>
    public static OverrideStateFile Of(OverrideState value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new() { State = DoorWire.OpenClosed(value.Open), Until = value.Until, By = value.By, Reason = value.Reason, SetAt = value.SetAt };
    }

    /// <summary>The override the file holds; a value no controller writes is a <see cref="FormatException"/>.</summary>
    public OverrideState ToState()
    {
        var open = State switch
        {
            "open" => true,
            "closed" => false,
            _ => throw new FormatException($"state '{State}' is not open or closed"),
        };
        return new OverrideState(open, Until, By is { Length: > 0 } ? By : throw new FormatException("by is empty"), Reason, SetAt);
    }
}
