using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace MppSignage.Controller.Gpio;

/// <summary>Builds the GPIO driver named by <c>Gpio:Driver</c>.</summary>
internal static class GpioDriverFactory
{
    /// <summary>Marker of a Linux GPIO character device; absent on a PC or in a container.</summary>
    public const string GpioChipDevice = "/dev/gpiochip0";

    /// <summary>Resolves the driver name: the configured one, or simulated when there is no GPIO chip.</summary>
    public static (string Name, bool Defaulted) Resolve(string? configured, Func<string, bool> exists)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return (configured.Trim().ToLowerInvariant(), false);
        }

        return (exists(GpioChipDevice) ? "libgpiod" : "simulated", true);
    }

    public static GpioDriver Create(string name, int chip, TimeProvider time) => name switch
    {
        "simulated" => new SimulatedGpioDriver(time),
        "rpi" => new RaspberryPi3Driver(),
        "libgpiod" => new LibGpiodDriver(chip),
        _ => throw new InvalidOperationException($"Unknown GPIO driver '{name}'; expected simulated, rpi or libgpiod."),
    };
}
