namespace MppSignage.Shared.Schedule;

/// <summary>The outcome of loading a schedule document: the schedule, or every problem found.</summary>
/// <param name="Schedule">The schedule when the document is valid, otherwise null.</param>
/// <param name="Problems">Every problem, each with the JSON path of the field; empty on success.</param>
public sealed record ScheduleLoadResult(Schedule? Schedule, IReadOnlyList<ScheduleProblem> Problems)
{
    /// <summary>Whether the document was accepted.</summary>
    public bool Success => Schedule is not null;
}
