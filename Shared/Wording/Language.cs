namespace MppSignage.Shared.Wording;

/// <summary>The languages the signs and the CLI speak.</summary>
public enum Language
{
    /// <summary>Bahasa Indonesia (the default for visitors).</summary>
    Indonesian,

    /// <summary>English.</summary>
    English,
}
