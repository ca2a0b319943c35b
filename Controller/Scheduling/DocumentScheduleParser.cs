using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Controller.Scheduling;

/// <summary>The real parser: <see cref="ScheduleLoader.Parse"/>, the same validation as <c>hours check</c>.</summary>
internal sealed class DocumentScheduleParser : IScheduleParser
{
    public ScheduleParseResult Parse(string json)
    {
        var result = ScheduleLoader.Parse(json);
        return new ScheduleParseResult(result.Schedule is { } s ? new DocumentSchedule(s) : null, result.Problems);
    }

    /// <summary>Adapts a loaded <see cref="Shared.Schedule.Schedule"/>.</summary>
    private sealed class DocumentSchedule(Shared.Schedule.Schedule schedule) : IDoorSchedule
    {
        public DateTimeZone Zone => schedule.Zone;

        public string Json => schedule.Json;

        public ScheduleEvaluation Evaluate(Instant at) => schedule.Evaluate(at);
    }
}
