using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Controller.Scheduling;

/// <summary>The schedule as the door loop needs it: evaluate an instant, know the zone and the accepted document.</summary>
public interface IDoorSchedule
{
    /// <summary>The site's time zone.</summary>
    DateTimeZone Zone { get; }

    /// <summary>The accepted schedule document (republished retained on <c>mpp/{site}/schedule</c>).</summary>
    string Json { get; }

    /// <summary>The schedule's answer at <paramref name="at"/>.</summary>
    ScheduleEvaluation Evaluate(Instant at);
}
