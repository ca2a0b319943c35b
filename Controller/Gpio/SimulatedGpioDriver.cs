using System.Device.Gpio;

namespace MppSignage.Controller.Gpio;

/// <summary>
/// A GPIO driver without hardware for local runs and tests: it keeps pin levels, records every write
/// with the time it happened, and raises input edges on demand (<see cref="SetInput"/>), calling the
/// registered callbacks like a real driver's event thread would.
/// </summary>
public sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _values = [];
    private readonly Dictionary<int, List<(PinEventTypes Types, PinChangeEventHandler Handler)>> _callbacks = [];
    private readonly List<PinWrite> _writes = [];

    /// <summary>Creates the driver; write times come from <paramref name="time"/>.</summary>
    public SimulatedGpioDriver(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Raised after every write.</summary>
    public event Action<PinWrite>? Written;

    /// <summary>Every write so far, in order.</summary>
    public IReadOnlyList<PinWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return _writes.ToArray();
            }
        }
    }

    /// <summary>Writes to one pin, in order.</summary>
    public IReadOnlyList<PinWrite> WritesTo(int pin) => Writes.Where(w => w.Pin == pin).ToArray();

    /// <summary>The level a pin is at now.</summary>
    public PinValue Level(int pin)
    {
        lock (_lock)
        {
            return _values.TryGetValue(pin, out var v) ? v : PinValue.Low;
        }
    }

    /// <inheritdoc />
    protected override int PinCount => 54;

    /// <summary>Drives an input pin to <paramref name="value"/> and raises the matching edge callbacks.</summary>
    public void SetInput(int pin, PinValue value)
    {
        List<(PinEventTypes Types, PinChangeEventHandler Handler)> handlers;
        lock (_lock)
        {
            var old = _values.TryGetValue(pin, out var v) ? v : PinValue.High;
            _values[pin] = value;
            if (old == value)
            {
                return;
            }

            handlers = _callbacks.TryGetValue(pin, out var list) ? [.. list] : [];
        }

        var type = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        foreach (var (types, handler) in handlers.Where(h => h.Types.HasFlag(type)))
        {
            handler(this, new PinValueChangedEventArgs(type, pin));
        }
    }

    /// <inheritdoc />
    protected override void OpenPin(int pinNumber)
    {
        lock (_lock)
        {
            _modes.TryAdd(pinNumber, PinMode.Input);
        }
    }

    /// <inheritdoc />
    protected override void ClosePin(int pinNumber)
    {
        lock (_lock)
        {
            _modes.Remove(pinNumber);
            _callbacks.Remove(pinNumber);
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_lock)
        {
            _modes[pinNumber] = mode;
            if (mode == PinMode.InputPullUp)
            {
                _values.TryAdd(pinNumber, PinValue.High);
            }
            else if (mode == PinMode.InputPullDown)
            {
                _values.TryAdd(pinNumber, PinValue.Low);
            }
        }
    }

    /// <inheritdoc />
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        // A real driver sets the level together with the direction, so the output never glitches.
        SetPinMode(pinNumber, mode);
        if (mode == PinMode.Output)
        {
            Write(pinNumber, initialValue);
        }
    }

    /// <inheritdoc />
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_lock)
        {
            return _modes.TryGetValue(pinNumber, out var m) ? m : PinMode.Input;
        }
    }

    /// <inheritdoc />
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    /// <inheritdoc />
    protected override PinValue Read(int pinNumber) => Level(pinNumber);

    /// <inheritdoc />
    protected override void Write(int pinNumber, PinValue value)
    {
        PinWrite write;
        lock (_lock)
        {
            _values[pinNumber] = value;
            write = new PinWrite(pinNumber, value, _time.GetUtcNow());
            _writes.Add(write);
        }

        Written?.Invoke(write);
    }

    /// <inheritdoc />
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var done = new ManualResetEventSlim();
        PinEventTypes seen = PinEventTypes.None;
        void Handler(object s, PinValueChangedEventArgs e)
        {
            seen = e.ChangeType;
            done.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, Handler);
        try
        {
            done.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = seen, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, Handler);
        }
    }

    /// <inheritdoc />
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(pinNumber, out var list))
            {
                _callbacks[pinNumber] = list = [];
            }

            list.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc />
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_lock)
        {
            if (_callbacks.TryGetValue(pinNumber, out var list))
            {
                list.RemoveAll(c => c.Handler == callback);
            }
        }
    }
}
