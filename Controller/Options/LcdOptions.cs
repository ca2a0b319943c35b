namespace MppSignage.Controller.Options;

/// <summary>Section <c>Gpio:Lcd</c>: optional 16×2 character LCD behind a PCF8574 I2C backpack.</summary>
public sealed class LcdOptions
{
    /// <summary>Whether an LCD is fitted.</summary>
    public bool Enabled { get; set; }

    /// <summary>I2C bus (1 on a Raspberry Pi's header).</summary>
    public int Bus { get; set; } = 1;

    /// <summary>I2C address; PCF8574 backpacks ship as 0x27 (PCF8574A: 0x3F).</summary>
    public int Address { get; set; } = 0x27;
}
