using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;

namespace MppSignage.Controller.Gpio;

/// <summary>The door/OPEN-sign relay: one output with an active level, written only when its state changes.</summary>
internal sealed class Relay
{
    private readonly GpioController _gpio;
    private readonly RelayOptions _options;
    private readonly ILogger _logger;
    private readonly object _lock = new();

    public Relay(GpioController gpio, RelayOptions options, ILogger logger)
    {
        _gpio = gpio;
        _options = options;
        _logger = logger;
        var startOn = options.StartupState == "on";
        // Direction and start-up level in one call, so the relay never clicks during initialisation.
        _gpio.OpenPin(options.Pin, PinMode.Output, Level(startOn));
        IsOn = startOn;
        Log.RelayChanged(_logger, startOn ? "ON" : "OFF", options.Pin, options.ActiveLow ? "active-low" : "active-high", Level(startOn) == PinValue.High ? "high" : "low", "start-up safe state");
    }

    public bool IsOn { get; private set; }

    public int Pin => _options.Pin;

    /// <summary>Sets the relay; returns true when it changed.</summary>
    public bool Set(bool on, string why)
    {
        lock (_lock)
        {
            if (on == IsOn)
            {
                return false;
            }

            _gpio.Write(_options.Pin, Level(on));
            IsOn = on;
        }

        Log.RelayChanged(_logger, on ? "ON" : "OFF", _options.Pin, _options.ActiveLow ? "active-low" : "active-high", Level(on) == PinValue.High ? "high" : "low", why);
        return true;
    }

    /// <summary>Applies the shutdown safe state.</summary>
    public void Shutdown()
    {
        switch (_options.ShutdownState)
        {
            case "on": Set(true, "shutdown safe state"); break;
            case "off": Set(false, "shutdown safe state"); break;
            default: Log.RelayKept(_logger, IsOn ? "ON" : "OFF"); break;
        }
    }

    private PinValue Level(bool on) => on ^ _options.ActiveLow ? PinValue.High : PinValue.Low;
}
