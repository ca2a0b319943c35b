namespace MppSignage.Shared.Control;

/// <summary>The <c>state</c> of an override command.</summary>
public enum OverrideTarget
{
    /// <summary>Return to automatic (clear the override).</summary>
    Auto = 0,

    /// <summary>Force open.</summary>
    Open = 1,

    /// <summary>Force closed.</summary>
    Closed = 2,
}
