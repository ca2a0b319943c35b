namespace MppSignage.Shared.OpeningHours;

/// <summary>The three states an opening_hours expression can give (as opening_hours.js does).</summary>
public enum OpeningState
{
    /// <summary>Closed (also the state where no rule matches).</summary>
    Closed = 0,

    /// <summary>Open.</summary>
    Open = 1,

    /// <summary>Unknown (the <c>unknown</c> modifier, a fallback comment, or after an open end).</summary>
    Unknown = 2,
}
