namespace MppSignage.SignageRenderer.Display;

/// <summary>
/// HDMI-CEC display power by the hours (configuration section <c>Display:Cec</c>). Off by default:
/// many TVs ship with CEC disabled, and a TV that ignores the commands must not be fought every minute.
/// </summary>
public sealed class CecOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Display:Cec";

    /// <summary>Default wake-up lead: the screen is readable when the first visitors queue before opening.</summary>
    public static readonly TimeSpan DefaultWakeBeforeOpening = TimeSpan.FromMinutes(15);

    /// <summary>Default grace after closing, so the "TUTUP / Buka kembali …" slide is seen by late visitors.</summary>
    public static readonly TimeSpan DefaultStandbyAfterClosing = TimeSpan.FromMinutes(10);

    /// <summary>Switch the TV at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>The kernel CEC device of the HDMI port (<c>/dev/cec0</c> is HDMI0 on a Pi 4/5).</summary>
    public string Device { get; set; } = "/dev/cec0";

    /// <summary>The cec-ctl executable (package v4l-utils).</summary>
    public string CecCtlPath { get; set; } = "cec-ctl";

    /// <summary>How long before the controller's <c>opensAt</c> the TV is woken.</summary>
    public TimeSpan WakeBeforeOpening { get; set; } = DefaultWakeBeforeOpening;

    /// <summary>How long after closing the TV stays on before standby.</summary>
    public TimeSpan StandbyAfterClosing { get; set; } = DefaultStandbyAfterClosing;

    /// <summary>Attempts per switch. TVs coming out of deep standby often miss the first message.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Pause between attempts.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a single cec-ctl run may take (a CEC message with retries takes well under a second).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After a switch failed on every attempt, wait this long before trying the same switch again.</summary>
    public TimeSpan RetryFailedAfter { get; set; } = TimeSpan.FromMinutes(5);
}
