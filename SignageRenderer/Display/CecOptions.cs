using System.Globalization;
using Microsoft.Extensions.Configuration;

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

    /// <summary>
    /// Reads the <c>Display:Cec</c> section by hand (no reflection binding, so the renderer stays
    /// trimmable) and validates it; null with every problem, each naming the key, when it is unusable.
    /// </summary>
    public static CecOptions? Load(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var errors = new List<string>();
        var o = new CecOptions();
        o.Enabled = Read(section, nameof(Enabled), o.Enabled, bool.TryParse, "true or false", errors);
        o.Device = section[nameof(Device)] ?? o.Device;
        o.CecCtlPath = section[nameof(CecCtlPath)] ?? o.CecCtlPath;
        o.WakeBeforeOpening = Read(section, nameof(WakeBeforeOpening), o.WakeBeforeOpening, ParseTime, "a time span such as 00:15:00", errors);
        o.StandbyAfterClosing = Read(section, nameof(StandbyAfterClosing), o.StandbyAfterClosing, ParseTime, "a time span such as 00:10:00", errors);
        o.Attempts = Read(section, nameof(Attempts), o.Attempts, ParseInt, "a whole number", errors);
        o.RetryDelay = Read(section, nameof(RetryDelay), o.RetryDelay, ParseTime, "a time span such as 00:00:02", errors);
        o.CommandTimeout = Read(section, nameof(CommandTimeout), o.CommandTimeout, ParseTime, "a time span such as 00:00:10", errors);
        o.RetryFailedAfter = Read(section, nameof(RetryFailedAfter), o.RetryFailedAfter, ParseTime, "a time span such as 00:05:00", errors);
        if (errors.Count == 0 && new CecOptionsValidator().Validate(null, o) is { Failed: true } result)
        {
            errors.AddRange(result.Failures);
        }

        problems = errors;
        return errors.Count == 0 ? o : null;
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T Read<T>(IConfigurationSection section, string key, T fallback, TryParse<T> parse, string expected, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (parse(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add($"{SectionName}:{key} is '{text}': expected {expected}.");
        return fallback;
    }

    private static bool ParseTime(string text, out TimeSpan value) => TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);

    private static bool ParseInt(string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
