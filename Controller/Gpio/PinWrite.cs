using System.Device.Gpio;

namespace MppSignage.Controller.Gpio;

/// <summary>One write recorded by <see cref="SimulatedGpioDriver"/>.</summary>
/// <param name="Pin">The pin.</param>
/// <param name="Value">The level written.</param>
/// <param name="At">When (from the driver's time provider).</param>
public sealed record PinWrite(int Pin, PinValue Value, DateTimeOffset At);
