namespace MppSignage.Shared.Control;

/// <summary>Limits every command payload must respect, applied before any handler runs.</summary>
public static class CommandLimits
{
    /// <summary>64 KiB: a whole schedule document fits many times; anything larger is abuse or a mistake.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    /// <summary>
    /// Longest MQTT 5 correlation data accepted (bytes). It is echoed on the answer, the events topic and in
    /// the journal, so a larger one (MQTT allows 64 KiB) is refused before it is copied anywhere; the CLI sends 16.
    /// </summary>
    public const int MaxCorrelationBytes = 64;

    /// <summary>Maximum length of a free-text reason.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>JSON nesting beyond this is refused (no command document nests deeper than a few levels).</summary>
    public const int MaxJsonDepth = 32;
}
