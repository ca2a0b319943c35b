namespace MppSignage.Shared.OpeningHours;

/// <summary>The kinds of compiled time selectors (as the time functions of opening_hours.js).</summary>
internal enum TimeSelectorKind : byte
{
    /// <summary>The whole day (<c>24/7</c>, <c>00:00-24:00</c>); reports no change.</summary>
    Always,

    /// <summary>A span within the day.</summary>
    Normal,

    /// <summary>A span that starts today and ends after midnight (its tail is a <see cref="Wrap"/> of the wrap rule).</summary>
    Extended,

    /// <summary>The part after midnight of an <see cref="Extended"/> span of the day before.</summary>
    Wrap,
}
