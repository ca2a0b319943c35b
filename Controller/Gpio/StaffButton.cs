using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.Shared.Control;
using NodaTime;

namespace MppSignage.Controller.Gpio;

/// <summary>
/// The staff push button: wired to ground with the internal pull-up (pressed reads low), debounced and
/// classified by <see cref="ButtonTracker"/> using the time source, so tests drive it with a fake clock.
/// </summary>
internal sealed class StaffButton : IDisposable
{
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ButtonTracker _tracker;
    private readonly object _lock = new();
    private readonly ITimer _timer;

    public StaffButton(GpioController gpio, ButtonOptions options, TimeProvider time, ILogger logger)
    {
        _gpio = gpio;
        _pin = options.Pin ?? throw new ArgumentException("The button has no pin.", nameof(options));
        _time = time;
        _logger = logger;
        _tracker = new ButtonTracker(Duration.FromMilliseconds(options.DebounceMilliseconds), Duration.FromMilliseconds(options.LongPressSeconds * 1000));
        _timer = time.CreateTimer(_ => Poll(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _gpio.OpenPin(_pin, PinMode.InputPullUp);
        _gpio.RegisterCallbackForPinValueChangedEvent(_pin, PinEventTypes.Falling | PinEventTypes.Rising, OnEdge);
    }

    /// <summary>Raised (on a timer or driver thread) when a press completes.</summary>
    public event Action<ButtonGesture>? Pressed;

    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, OnEdge);
        _timer.Dispose();
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        lock (_lock)
        {
            _tracker.OnRawEdge(e.ChangeType == PinEventTypes.Falling, Now());
            Arm();
        }
    }

    private void Poll()
    {
        ButtonGesture? gesture;
        lock (_lock)
        {
            gesture = _tracker.Poll(Now());
            Arm();
        }

        if (gesture is { } g)
        {
            Log.ButtonPressed(_logger, g == ButtonGesture.LongPress ? "long" : "short", _pin);
            Pressed?.Invoke(g);
        }
    }

    private void Arm()
    {
        if (_tracker.NextDeadline is { } deadline)
        {
            var due = (deadline - Now()).ToTimeSpan();
            _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(_time.GetUtcNow());
}
