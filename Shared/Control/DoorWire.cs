using MppSignage.Shared.Wire;

namespace MppSignage.Shared.Control;

/// <summary>The wire (JSON/MQTT) names of the door enums (<see cref="WireName"/>'s kebab case), shared by controller, renderer and tests.</summary>
public static class DoorWire
{
    /// <summary><c>open</c>, <c>closing-soon</c> or <c>closed</c>.</summary>
    public static string Name(DoorPhase phase) => WireName.Of(phase);

    /// <summary><c>auto</c> or <c>override</c>.</summary>
    public static string Name(DoorMode mode) => WireName.Of(mode);

    /// <summary><c>regular</c>, <c>holiday</c>, <c>special</c>, <c>closure</c>, <c>override</c>, <c>clock-unsynchronised</c> or <c>schedule-unavailable</c>.</summary>
    public static string Name(DoorReason reason) => WireName.Of(reason);

    /// <summary><c>auto</c>, <c>open</c> or <c>closed</c>.</summary>
    public static string Name(OverrideTarget target) => WireName.Of(target);

    /// <summary><c>open</c> or <c>closed</c> for a relay/door state.</summary>
    public static string OpenClosed(bool open) => open ? "open" : "closed";
}
