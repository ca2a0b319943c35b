using System.Device.Gpio;
using System.Device.I2c;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.Shared.Control;
using NodaTime;

namespace MppSignage.Controller.Gpio;

/// <summary>
/// Everything on the GPIO header: relay, lamps, button and LCD, built on the configured driver.
/// Opened at construction (so the relay is in its start-up safe state before the first decision).
/// </summary>
internal sealed class DoorHardware : IDisposable
{
    private readonly GpioController _gpio;
    private readonly ILogger<DoorHardware> _logger;
    // Apply (the loop) and Shutdown (SIGTERM, on the host's thread) can meet: the lock orders them, and
    // nothing is applied after the shutdown state.
    private readonly Lock _gate = new();
    private bool _shutDown;

    public DoorHardware(GpioDriver driver, IOptions<GpioOptions> options, TimeProvider time, ILogger<DoorHardware> logger)
    {
        _logger = logger;
        Driver = driver;
        var o = options.Value;
        // The controller owns the driver it was given (shouldDispose defaults to true).
        _gpio = new GpioController(driver);
        Relay = new Relay(_gpio, o.Relay, logger);
        Lamps = new SignLamps(_gpio, o.Lamps, time, logger);
        if (o.Button.Pin is not null)
        {
            Button = new StaffButton(_gpio, o.Button, time, logger);
        }

        if (o.Lcd.Enabled)
        {
            var settings = new I2cConnectionSettings(o.Lcd.Bus, o.Lcd.Address);
            LcdDevice = driver is SimulatedGpioDriver ? new SimulatedLcdI2cDevice(settings) : I2cDevice.Create(settings);
            Lcd = new LcdDisplay(LcdDevice, logger);
        }
    }

    public GpioDriver Driver { get; }

    public Relay Relay { get; }

    public SignLamps Lamps { get; }

    public StaffButton? Button { get; }

    public I2cDevice? LcdDevice { get; }

    public LcdDisplay? Lcd { get; }

    /// <summary>Shows <paramref name="state"/> on relay, lamps and LCD; returns true when the relay changed.</summary>
    public bool Apply(DoorState state, DateTimeZone zone)
    {
        lock (_gate)
        {
            return !_shutDown && Show(state, zone);
        }
    }

    /// <summary>The shutdown safe state (SIGTERM); later decisions are not applied. Idempotent.</summary>
    public void Shutdown()
    {
        lock (_gate)
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            Relay.Shutdown();
            Lamps.AllOff();
        }

        Log.HardwareShutdown(_logger);
    }

    private bool Show(DoorState state, DateTimeZone zone)
    {
        var changed = Relay.Set(state.Open, DoorWhy.Describe(state, zone));
        Lamps.Show(state.Phase);
        if (Lcd is not null)
        {
            var (l1, l2) = LcdText.For(state, zone);
            Lcd.Show(l1, l2);
        }

        return changed;
    }

    public void Dispose()
    {
        Button?.Dispose();
        Lamps.Dispose();
        Lcd?.Dispose();
        _gpio.Dispose();
    }
}
