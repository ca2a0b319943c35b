namespace MppSignage.Controller.Scheduling;

/// <summary>Validates a schedule document exactly as <c>hours check</c> does.</summary>
public interface IScheduleParser
{
    /// <summary>Parses <paramref name="json"/>.</summary>
    ScheduleParseResult Parse(string json);
}
