namespace MppSignage.Controller.Options;

/// <summary>Section <c>Gpio:Lamps</c>: optional sign lamps (leave a pin empty to omit that lamp).</summary>
public sealed class LampOptions
{
    /// <summary>BCM pin of the OPEN lamp, or null.</summary>
    public int? Open { get; set; }

    /// <summary>BCM pin of the CLOSED lamp, or null.</summary>
    public int? Closed { get; set; }

    /// <summary>BCM pin of the closing-soon lamp (blinks), or null.</summary>
    public int? ClosingSoon { get; set; }

    /// <summary>Whether the lamp outputs are active-low.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>Blink half-period of the closing-soon lamp in milliseconds (500 ms: 1 Hz, noticeable without being frantic).</summary>
    public int BlinkMilliseconds { get; set; } = 500;
}
