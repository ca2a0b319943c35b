using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>The audit events of the door (events topic and journal), one builder per thing that happens.</summary>
public static class DoorAudit
{
    /// <summary>Who the controller itself is in the audit.</summary>
    public const string Controller = "controller";

    /// <summary>The door's output changed (open/closed, phase, mode or reason).</summary>
    public static EventMessage DoorChanged(DoorState state, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new EventMessage
        {
            Type = "door",
            At = IsoTime.Format(now, zone),
            By = Controller,
            State = DoorWire.OpenClosed(state.Open),
            Reason = DoorWire.Name(state.Reason),
            Detail = DoorWire.Name(state.Phase),
        };
    }

    /// <summary>An override was accepted (<paramref name="set"/> null: back to automatic).</summary>
    public static EventMessage OverrideSet(OverrideState? set, string by, Instant now, DateTimeZone zone) => new()
    {
        Type = "override",
        At = IsoTime.Format(now, zone),
        By = by,
        State = set is null ? "auto" : DoorWire.OpenClosed(set.Open),
        Until = set is null ? null : IsoTime.Format(set.Until, zone),
        Reason = set?.Reason,
    };

    /// <summary>The controller cleared a stored override that no longer stands; null when <paramref name="standing"/> keeps it.</summary>
    public static EventMessage? OverrideCleared(OverrideState stored, OverrideStanding standing, Duration maximum, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var detail = standing switch
        {
            OverrideStanding.Expired => $"expired at {IsoTime.Format(stored.Until, zone)}",
            OverrideStanding.BeyondMaximum => $"ignored: it ends at {IsoTime.Format(stored.Until, zone)}, beyond the maximum override of {(long)maximum.TotalMinutes} min",
            _ => null,
        };
        return detail is null ? null : new EventMessage { Type = "override", At = IsoTime.Format(now, zone), By = Controller, State = "auto", Detail = detail };
    }

    /// <summary>A schedule document was accepted and put in force.</summary>
    public static EventMessage ScheduleAccepted(string by, Instant now, DateTimeZone zone) =>
        new() { Type = "schedule", At = IsoTime.Format(now, zone), By = by, Detail = "accepted and in force" };
}
