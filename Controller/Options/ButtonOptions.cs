namespace MppSignage.Controller.Options;

/// <summary>Section <c>Gpio:Button</c>: the staff push button (to ground, internal pull-up).</summary>
public sealed class ButtonOptions
{
    /// <summary>BCM pin of the button, or null when there is none.</summary>
    public int? Pin { get; set; } = 27;

    /// <summary>
    /// A level must hold this long to count. Tactile switches bounce for 1–10 ms (typical datasheets quote
    /// ≤5 ms); 50 ms rejects that and mains-induced noise while staying below what a person notices.
    /// </summary>
    public int DebounceMilliseconds { get; set; } = 50;

    /// <summary>Holding this long returns to automatic.</summary>
    public double LongPressSeconds { get; set; } = 3;
}
