using System.Device.I2c;
using System.Text;

namespace MppSignage.Controller.Gpio;

/// <summary>
/// An in-memory PCF8574 + HD44780 16×2 module: it takes the bytes the I2C backpack would receive and
/// decodes them as the display controller would (4-bit bus on P4–P7, RS on P0, E on P2, backlight on P3),
/// so the local run and tests can show the text the real LCD would display.
/// </summary>
public sealed class SimulatedLcdI2cDevice : I2cDevice
{
    private const int RsBit = 0x01;
    private const int EnableBit = 0x04;
    private const int BacklightBit = 0x08;

    private readonly object _lock = new();
    private readonly byte[] _ddram = new byte[0x80];
    private byte _last = 0xFF;
    private bool _fourBit;
    private int? _highNibble;
    private int _address;
    private bool _toCgram;
    private bool _increment = true;

    /// <summary>Creates the device at the given settings (bus and address are only reported).</summary>
    public SimulatedLcdI2cDevice(I2cConnectionSettings settings)
    {
        ConnectionSettings = settings;
        Array.Fill(_ddram, (byte)' ');
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Whether the backlight bit is set.</summary>
    public bool Backlight { get; private set; }

    /// <summary>Whether the display is switched on (display control D bit).</summary>
    public bool DisplayOn { get; private set; }

    /// <summary>The 16 visible characters of line 1 and line 2.</summary>
    public (string Line1, string Line2) Lines
    {
        get
        {
            lock (_lock)
            {
                return (Encoding.ASCII.GetString(_ddram, 0x00, 16), Encoding.ASCII.GetString(_ddram, 0x40, 16));
            }
        }
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        // The PCF8574 reads back its pin latch (quasi-bidirectional pins).
        buffer.Fill(_last);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_lock)
        {
            foreach (var b in buffer)
            {
                Latch(b);
            }
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private void Latch(byte value)
    {
        var fallingEnable = (_last & EnableBit) != 0 && (value & EnableBit) == 0;
        Backlight = (value & BacklightBit) != 0;
        if (fallingEnable)
        {
            // HD44780 samples RS and the data bus on the falling edge of E; the backpack wires D4–D7 to P4–P7.
            Nibble((_last >> 4) & 0x0F, (_last & RsBit) != 0);
        }

        _last = value;
    }

    private void Nibble(int nibble, bool data)
    {
        if (!_fourBit)
        {
            // In 8-bit mode (after power-on) each strobe is a whole byte whose low nibble is not connected.
            Byte((byte)(nibble << 4), data);
            return;
        }

        if (_highNibble is null)
        {
            _highNibble = nibble;
            return;
        }

        var b = (byte)((_highNibble.Value << 4) | nibble);
        _highNibble = null;
        Byte(b, data);
    }

    private void Byte(byte b, bool data)
    {
        if (data)
        {
            if (!_toCgram)
            {
                _ddram[_address & 0x7F] = b is >= 0x20 and < 0x7F ? b : (byte)'?';
                _address = (_address + (_increment ? 1 : -1)) & 0x7F;
            }

            return;
        }

        if ((b & 0x80) != 0)
        {
            _address = b & 0x7F;
            _toCgram = false;
        }
        else if ((b & 0x40) != 0)
        {
            _toCgram = true;
        }
        else if ((b & 0x20) != 0)
        {
            // Function set: DL (bit 4) chooses the bus width.
            _fourBit = (b & 0x10) == 0;
            _highNibble = null;
        }
        else if ((b & 0x08) != 0)
        {
            DisplayOn = (b & 0x04) != 0;
        }
        else if ((b & 0x04) != 0)
        {
            _increment = (b & 0x02) != 0;
        }
        else if ((b & 0x02) != 0)
        {
            _address = 0;
            _toCgram = false;
        }
        else if (b == 0x01)
        {
            Array.Fill(_ddram, (byte)' ');
            _address = 0;
            _toCgram = false;
            _increment = true;
        }
    }
}
