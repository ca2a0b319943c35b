using MppSignage.Shared.Control;
using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Shared.Mqtt;

/// <summary>Builds the retained <see cref="StatusMessage"/> from a door decision.</summary>
public static class StatusMessages
{
    /// <summary>Maps <paramref name="state"/> (and the relay as actually driven) to the status payload, every field filled.</summary>
    public static StatusMessage From(DoorState state, bool relayOn, DateTimeZone zone, Instant updatedAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(zone);
        return new StatusMessage
        {
            State = DoorWire.OpenClosed(state.Open),
            Phase = DoorWire.Name(state.Phase),
            Mode = DoorWire.Name(state.Mode),
            Reason = DoorWire.Name(state.Reason),
            Name = state.Name,
            Comment = state.Comment,
            Since = IsoTime.Format(state.Since, zone),
            NextChange = IsoTime.Format(state.NextChange, zone),
            ClosesAt = IsoTime.Format(state.ClosesAt, zone),
            OpensAt = IsoTime.Format(state.OpensAt, zone),
            Override = state.Override is { } o
                ? new OverrideInfo { State = DoorWire.OpenClosed(o.Open), Until = IsoTime.Format(o.Until, zone), By = o.By, Reason = o.Reason }
                : null,
            Relay = relayOn ? "on" : "off",
            ClockSynced = state.ClockSynced,
            TodayHours = ScheduleFormat.DaySpans(state.TodayHours, zone),
            Message = state.Message,
            TimeZone = zone.Id,
            UpdatedAt = IsoTime.Format(updatedAt, zone),
        };
    }

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> say the same thing to a subscriber: every field
    /// equal except <see cref="StatusMessage.UpdatedAt"/> (record equality, with today's hours compared by value).
    /// </summary>
    public static bool SameContent(StatusMessage a, StatusMessage? b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return b is not null
            && a with { UpdatedAt = "", TodayHours = null } == b with { UpdatedAt = "", TodayHours = null }
            && (a.TodayHours ?? []).SequenceEqual(b.TodayHours ?? []);
    }
}
