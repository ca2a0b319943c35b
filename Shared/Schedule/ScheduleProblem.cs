namespace MppSignage.Shared.Schedule;

/// <summary>One problem found while loading a schedule document.</summary>
/// <param name="Path">JSON path of the field, e.g. <c>versions[1].from</c>.</param>
/// <param name="Reason">What is wrong and what is expected.</param>
public sealed record ScheduleProblem(string Path, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Reason}";
}
