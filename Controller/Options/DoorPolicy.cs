using MppSignage.Shared.Control;
using NodaTime;

namespace MppSignage.Controller.Options;

/// <summary>
/// The door loop's policies as typed values, bound once from the validated <c>Door</c>, <c>Clock</c>,
/// <c>Gpio:Relay</c> and <c>Site</c> sections (see <see cref="Configure"/>): the loop never reads option strings.
/// </summary>
public sealed class DoorPolicy
{
    /// <summary>Closing-soon window, unsynchronised-clock and schedule-unavailable policies, maximum override.</summary>
    public DoorDecisionOptions Decision { get; set; } = DoorDecisionOptions.Default;

    /// <summary>Time between periodic re-decisions (<c>Door:CheckIntervalSeconds</c>).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The site's zone (<c>Site:TimeZone</c>), used while no schedule is in force.</summary>
    public DateTimeZone SiteZone { get; set; } = DateTimeZone.Utc;

    /// <summary>Fills <paramref name="policy"/> from the sections (already validated at start).</summary>
    public static void Configure(DoorPolicy policy, DoorOptions door, ClockOptions clock, GpioOptions gpio, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.Decision = new DoorDecisionOptions(
            Duration.FromMinutes(door.ClosingSoonMinutes),
            ControllerOptionsRules.ParsePolicy(clock.UnsynchronizedPolicy) ?? UnsynchronizedClockPolicy.Closed,
            gpio.Relay.ScheduleUnavailableState == "on")
        {
            OverrideMaximum = Duration.FromMilliseconds(door.OverrideMaxHours * 3_600_000),
            DefaultOpenOverride = Duration.FromMinutes(door.DefaultOpenOverrideMinutes),
        };
        policy.CheckInterval = TimeSpan.FromSeconds(door.CheckIntervalSeconds);
        policy.SiteZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(site.TimeZone ?? "") ?? DateTimeZone.Utc;
    }
}
