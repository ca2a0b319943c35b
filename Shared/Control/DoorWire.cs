namespace MppSignage.Shared.Control;

/// <summary>The wire (JSON/MQTT) names of the door enums, shared by controller, renderer and tests.</summary>
public static class DoorWire
{
    /// <summary><c>open</c>, <c>closing-soon</c> or <c>closed</c>.</summary>
    public static string Name(DoorPhase phase) => phase switch
    {
        DoorPhase.Open => "open",
        DoorPhase.ClosingSoon => "closing-soon",
        _ => "closed",
    };

    /// <summary><c>auto</c> or <c>override</c>.</summary>
    public static string Name(DoorMode mode) => mode == DoorMode.Override ? "override" : "auto";

    /// <summary><c>regular</c>, <c>holiday</c>, <c>special</c>, <c>closure</c>, <c>override</c>, <c>clock-unsynchronised</c> or <c>schedule-unavailable</c>.</summary>
    public static string Name(DoorReason reason) => reason switch
    {
        DoorReason.Regular => "regular",
        DoorReason.Holiday => "holiday",
        DoorReason.Special => "special",
        DoorReason.Closure => "closure",
        DoorReason.Override => "override",
        DoorReason.ClockUnsynchronised => "clock-unsynchronised",
        DoorReason.ScheduleUnavailable => "schedule-unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown door reason."),
    };

    /// <summary><c>auto</c>, <c>open</c> or <c>closed</c>.</summary>
    public static string Name(OverrideTarget target) => target switch
    {
        OverrideTarget.Open => "open",
        OverrideTarget.Closed => "closed",
        _ => "auto",
    };

    /// <summary><c>open</c> or <c>closed</c> for a relay/door state.</summary>
    public static string OpenClosed(bool open) => open ? "open" : "closed";
}
