using MppSignage.Shared.Wire;

namespace MppSignage.Shared.Control;

/// <summary>Limits every command payload must respect, applied before any handler runs.</summary>
public static class CommandLimits
{
    /// <summary>The one command size limit, <see cref="WireJson.MaxCommandBytes"/> (64 KiB).</summary>
    public const int MaxPayloadBytes = WireJson.MaxCommandBytes;

    /// <summary>
    /// Longest MQTT 5 correlation data accepted (bytes). It is echoed on the answer, the events topic and in
    /// the journal, so a larger one (MQTT allows 64 KiB) is refused before it is copied anywhere; the CLI sends 16.
    /// </summary>
    public const int MaxCorrelationBytes = 64;

    /// <summary>Maximum length of a free-text reason.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>JSON nesting beyond this is refused (<see cref="WireJson.MaxDepth"/>).</summary>
    public const int MaxJsonDepth = WireJson.MaxDepth;
}
