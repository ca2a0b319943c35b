using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.Shared.Control;

namespace MppSignage.Controller.Gpio;

/// <summary>The optional OPEN, CLOSED and closing-soon lamps; the closing-soon lamp blinks from a TimeProvider timer.</summary>
internal sealed class SignLamps : IDisposable
{
    private readonly GpioController _gpio;
    private readonly LampOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _lock = new();
    private ITimer? _blink;
    private bool _blinkOn;
    private DoorPhase? _shown;

    public SignLamps(GpioController gpio, LampOptions options, TimeProvider time, ILogger logger)
    {
        _gpio = gpio;
        _options = options;
        _time = time;
        _logger = logger;
        foreach (var pin in Pins)
        {
            _gpio.OpenPin(pin, PinMode.Output, Level(false));
        }
    }

    private IEnumerable<int> Pins => new[] { _options.Open, _options.Closed, _options.ClosingSoon }.Where(p => p is not null).Select(p => p!.Value);

    public void Show(DoorPhase phase)
    {
        lock (_lock)
        {
            if (_shown == phase)
            {
                return;
            }

            _shown = phase;
            Set(_options.Open, phase is DoorPhase.Open or DoorPhase.ClosingSoon);
            Set(_options.Closed, phase == DoorPhase.Closed);
            _blink?.Dispose();
            _blink = null;
            if (phase == DoorPhase.ClosingSoon && _options.ClosingSoon is not null)
            {
                _blinkOn = true;
                Set(_options.ClosingSoon, true);
                var period = TimeSpan.FromMilliseconds(_options.BlinkMilliseconds);
                _blink = _time.CreateTimer(_ => Toggle(), null, period, period);
            }
            else
            {
                Set(_options.ClosingSoon, false);
            }
        }

        Log.LampsChanged(_logger, DoorWire.Name(phase), Describe(_options.Open), Describe(_options.Closed),
            phase == DoorPhase.ClosingSoon && _options.ClosingSoon is not null ? $"blinking {_options.BlinkMilliseconds} ms (pin {_options.ClosingSoon})" : Describe(_options.ClosingSoon));
    }

    public void AllOff()
    {
        lock (_lock)
        {
            _blink?.Dispose();
            _blink = null;
            foreach (var pin in Pins)
            {
                _gpio.Write(pin, Level(false));
            }

            _shown = null;
        }
    }

    public void Dispose()
    {
        _blink?.Dispose();
    }

    private void Toggle()
    {
        lock (_lock)
        {
            if (_blink is null || _options.ClosingSoon is not { } pin)
            {
                return;
            }

            _blinkOn = !_blinkOn;
            _gpio.Write(pin, Level(_blinkOn));
        }
    }

    private void Set(int? pin, bool on)
    {
        if (pin is { } p)
        {
            _gpio.Write(p, Level(on));
        }
    }

    private string Describe(int? pin) => pin is { } p ? (_gpio.Read(p) == Level(true) ? $"on (pin {p})" : $"off (pin {p})") : "none";

    private PinValue Level(bool on) => on ^ _options.ActiveLow ? PinValue.High : PinValue.Low;
}
