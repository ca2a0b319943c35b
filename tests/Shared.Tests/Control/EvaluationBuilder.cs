using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Shared.Tests.Control;

/// <summary>Hand-built schedule evaluations for the pure decision tests.</summary>
internal static class EvaluationBuilder
{
    public static ScheduleEvaluation Open(Instant since, Instant closesAt, Instant? nextChange = null, string? name = null, ScheduleReason reason = ScheduleReason.Regular) =>
        new(OpeningState.Open, reason, name, null, since, nextChange ?? closesAt, closesAt, null, [new Interval(since, closesAt)], "SK test");

    public static ScheduleEvaluation Closed(Instant since, Instant opensAt, Instant? nextChange = null, string? name = null, ScheduleReason reason = ScheduleReason.Regular) =>
        new(OpeningState.Closed, reason, name, null, since, nextChange ?? opensAt, null, opensAt, [], "SK test");
}
