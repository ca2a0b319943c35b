namespace MppSignage.Controller.Options;

/// <summary>Section <c>Gpio:Relay</c>: the door/OPEN-sign relay and its safe states.</summary>
public sealed class RelayOptions
{
    /// <summary>BCM pin number driving the relay module.</summary>
    public int Pin { get; set; } = 17;

    /// <summary>Most opto-isolated relay boards switch on when their input is pulled low.</summary>
    public bool ActiveLow { get; set; } = true;

    /// <summary>Relay at start-up before the first decision: <c>off</c> (default) or <c>on</c>.</summary>
    public string StartupState { get; set; } = "off";

    /// <summary>Relay on shutdown (SIGTERM): <c>off</c> (default), <c>on</c> or <c>keep</c>.</summary>
    public string ShutdownState { get; set; } = "off";

    /// <summary>Relay while no valid schedule is loaded: <c>off</c> (default) or <c>on</c>.</summary>
    public string ScheduleUnavailableState { get; set; } = "off";
}
