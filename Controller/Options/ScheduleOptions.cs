namespace MppSignage.Controller.Options;

/// <summary>Section <c>Schedule</c>: the schedule document used when none was accepted over MQTT.</summary>
public sealed class ScheduleOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Schedule";

    /// <summary>Default schedule file of an installed controller.</summary>
    public const string DefaultFile = "/etc/mpp-signage/schedule.json";

    /// <summary>Path of the schedule JSON document (relative paths are against the working directory).</summary>
    public string File { get; set; } = DefaultFile;
}
