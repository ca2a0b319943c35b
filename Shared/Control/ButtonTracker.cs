using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// Debounces a push button and recognises short and long presses from raw edges and the time alone.
/// A level counts only after it stayed unchanged for the debounce time; a long press fires once, as soon
/// as the button has been held long enough (so staff feel it take effect without releasing).
/// The caller feeds raw edges and calls <see cref="Poll"/> at <see cref="NextDeadline"/>.
/// </summary>
public sealed class ButtonTracker
{
    private readonly Duration _debounce;
    private readonly Duration _longPress;
    private bool _rawPressed;
    private Instant _rawChangedAt;
    private bool _stablePressed;
    private Instant _pressedAt;
    private bool _longFired;

    /// <summary>Creates a tracker.</summary>
    /// <param name="debounce">How long a level must hold to count (contact bounce of tactile switches is a few ms).</param>
    /// <param name="longPress">How long a hold makes a long press.</param>
    public ButtonTracker(Duration debounce, Duration longPress)
    {
        if (debounce < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(debounce), debounce, "Debounce must not be negative.");
        }

        if (longPress <= debounce)
        {
            throw new ArgumentOutOfRangeException(nameof(longPress), longPress, "The long-press time must be longer than the debounce time.");
        }

        _debounce = debounce;
        _longPress = longPress;
    }

    /// <summary>The debounced level.</summary>
    public bool IsPressed => _stablePressed;

    /// <summary>When <see cref="Poll"/> should next be called, or null when nothing is pending.</summary>
    public Instant? NextDeadline =>
        _rawPressed != _stablePressed ? _rawChangedAt + _debounce
        : _stablePressed && !_longFired ? _pressedAt + _longPress
        : null;

    /// <summary>Records a raw level change of the input (pressed = contact closed).</summary>
    public void OnRawEdge(bool pressed, Instant at)
    {
        if (pressed != _rawPressed)
        {
            _rawPressed = pressed;
            _rawChangedAt = at;
        }
    }

    /// <summary>Settles the level and returns a gesture when one completed at <paramref name="now"/>.</summary>
    public ButtonGesture? Poll(Instant now)
    {
        if (_rawPressed != _stablePressed && now >= _rawChangedAt + _debounce)
        {
            _stablePressed = _rawPressed;
            if (_stablePressed)
            {
                _pressedAt = _rawChangedAt;
                _longFired = false;
            }
            else
            {
                if (_longFired)
                {
                    return null;
                }

                _longFired = true;
                return _rawChangedAt - _pressedAt >= _longPress ? ButtonGesture.LongPress : ButtonGesture.ShortPress;
            }
        }

        if (_stablePressed && !_longFired && now >= _pressedAt + _longPress)
        {
            _longFired = true;
            return ButtonGesture.LongPress;
        }

        return null;
    }
}
