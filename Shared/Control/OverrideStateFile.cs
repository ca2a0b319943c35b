using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The controller's <c>override.json</c> state file: the override in force, so it survives a restart or a
/// power cut. Instants are UTC (<c>2024-07-01T08:00:00Z</c>); <see cref="Reason"/> is written as null when absent.
/// </summary>
/// <param name="State"><c>open</c> or <c>closed</c>.</param>
/// <param name="Until">When it ends.</param>
/// <param name="By">Who set it.</param>
/// <param name="Reason">Why, or null.</param>
/// <param name="SetAt">When it was set.</param>
public sealed record OverrideStateFile(string State, Instant Until, string By, string? Reason, Instant SetAt)
{
    /// <summary>The file of <paramref name="value"/>.</summary>
    public static OverrideStateFile Of(OverrideState value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(DoorWire.OpenClosed(value.Open), value.Until, value.By, value.Reason, value.SetAt);
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
