using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// One line saying why the door is in its state, for the relay log and the journal: the schedule (with the
/// holiday, period or closure name), the override (by whom, until when in site time, why), or the safety
/// rule that applies.
/// </summary>
public static class DoorWhy
{
    /// <summary>Describes <paramref name="state"/>, instants in <paramref name="zone"/> with their offset.</summary>
    public static string Describe(DoorState state, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(zone);
        var name = string.IsNullOrWhiteSpace(state.Name) ? "" : $" '{state.Name.Trim()}'";
        return state.Reason switch
        {
            DoorReason.Override when state.Override is { } o =>
                $"override by {o.By} until {IsoTime.Format(o.Until, zone)}{(string.IsNullOrWhiteSpace(o.Reason) ? "" : $" ({o.Reason.Trim()})")}",
            DoorReason.Override => "override",
            DoorReason.Holiday => $"schedule: holiday{name}",
            DoorReason.Special => $"schedule: special hours{name}",
            DoorReason.Closure => $"schedule: closure{name}",
            DoorReason.ClockUnsynchronised => "clock not synchronised (Clock:UnsynchronizedPolicy decides)",
            DoorReason.ScheduleUnavailable => "no valid schedule (safe state Gpio:Relay:ScheduleUnavailableState)",
            _ => $"schedule: regular hours{(string.IsNullOrWhiteSpace(state.Comment) ? "" : $" ({state.Comment.Trim()})")}",
        };
    }
}
