namespace MppSignage.Controller.Options;

/// <summary>Section <c>Gpio</c>: the driver and the devices on it.</summary>
public sealed class GpioOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gpio";

    /// <summary>
    /// <c>simulated</c>, <c>rpi</c> (RaspberryPi3Driver, Pi 3/4 registers), <c>libgpiod</c> (libgpiod v1 chip),
    /// or empty: simulated when <c>/dev/gpiochip0</c> is absent, otherwise libgpiod.
    /// </summary>
    public string? Driver { get; set; }

    /// <summary>GPIO chip number for the libgpiod driver.</summary>
    public int Chip { get; set; }

    /// <summary>The relay.</summary>
    public RelayOptions Relay { get; set; } = new();

    /// <summary>The sign lamps.</summary>
    public LampOptions Lamps { get; set; } = new();

    /// <summary>The staff button.</summary>
    public ButtonOptions Button { get; set; } = new();

    /// <summary>The LCD.</summary>
    public LcdOptions Lcd { get; set; } = new();
}
