namespace MppSignage.Shared.Signage;

/// <summary>The colour scheme of the status slide.</summary>
public enum StatusTone
{
    /// <summary>Open.</summary>
    Open,

    /// <summary>Open, closing within the closing-soon window.</summary>
    ClosingSoon,

    /// <summary>Closed.</summary>
    Closed,

    /// <summary>No status known yet, or the clock is not synchronised.</summary>
    Unknown,
}
