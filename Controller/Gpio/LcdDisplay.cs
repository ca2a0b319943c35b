using System.Device.Gpio;
using System.Device.I2c;
using Iot.Device.CharacterLcd;
using Iot.Device.Pcx857x;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;

namespace MppSignage.Controller.Gpio;

/// <summary>
/// The 16×2 LCD on a PCF8574 backpack (<see cref="Lcd1602"/> over the expander's pins: RS=P0, RW=P1,
/// E=P2, backlight=P3, D4–D7=P4–P7). Rewritten only when a line changes; write errors are logged and
/// retried on the next change (a loose I2C cable must not stop the door).
/// </summary>
internal sealed class LcdDisplay : IDisposable
{
    private readonly I2cDevice _device;
    private readonly GpioController _expander;
    private readonly Lcd1602 _lcd;
    private readonly ILogger _logger;
    private readonly object _lock = new();
    private (string Line1, string Line2)? _shown;
    private (string Line1, string Line2)? _desired;
    private bool _running;
    private Task _writer = Task.CompletedTask;

    public LcdDisplay(I2cDevice device, ILogger logger)
    {
        _device = device;
        _logger = logger;
        _expander = new GpioController(new Pcf8574(device, -1, null, false));
        _lcd = new Lcd1602(registerSelectPin: 0, enablePin: 2, dataPins: [4, 5, 6, 7], backlightPin: 3, backlightBrightness: 1f, readWritePin: 1, controller: _expander, shouldDispose: false);
        _lcd.Clear();
    }

    /// <summary>
    /// Asks for these lines. Writing happens on a background task because an HD44780 over I2C takes
    /// tens of milliseconds per screen; relay and status must not wait for it. Only the latest lines are written.
    /// </summary>
    public void Show(string line1, string line2)
    {
        lock (_lock)
        {
            if (_desired == (line1, line2))
            {
                return;
            }

            _desired = (line1, line2);
            if (!_running)
            {
                _running = true;
                _writer = Task.Run(WriteLoop);
            }
        }
    }

    /// <summary>Completes when the lines asked for so far are on the display.</summary>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            return _writer;
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            (string Line1, string Line2) next;
            lock (_lock)
            {
                if (_desired is null || _desired == _shown)
                {
                    _running = false;
                    return;
                }

                next = _desired.Value;
            }

            try
            {
                _lcd.SetCursorPosition(0, 0);
                _lcd.Write(next.Line1);
                _lcd.SetCursorPosition(0, 1);
                _lcd.Write(next.Line2);
                lock (_lock)
                {
                    _shown = next;
                }
            }
            catch (IOException ex)
            {
                Log.LcdFailed(_logger, ex.Message);
                lock (_lock)
                {
                    _running = false;
                }

                return;
            }

            // In simulation the text logged is decoded from the bytes the backpack received, not the strings above.
            var (a, b) = _device is SimulatedLcdI2cDevice sim ? sim.Lines : next;
            Log.LcdChanged(_logger, a, b);
        }
    }

    public void Dispose()
    {
        FlushAsync().Wait(TimeSpan.FromSeconds(2));
        _lcd.Dispose();
        _expander.Dispose();
        _device.Dispose();
    }
}
