using MppSignage.Shared.Schedule;

namespace MppSignage.Controller.Scheduling;

/// <summary>A parsed schedule document, or the problems that make it unusable.</summary>
/// <param name="Schedule">The schedule when valid.</param>
/// <param name="Problems">What is wrong (field path and reason); empty when valid.</param>
public sealed record ScheduleParseResult(IDoorSchedule? Schedule, IReadOnlyList<ScheduleProblem> Problems);
