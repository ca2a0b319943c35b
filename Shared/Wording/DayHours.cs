using NodaTime;

namespace MppSignage.Shared.Wording;

/// <summary>The opening hours of one local day, as the wording shows them.</summary>
/// <param name="Date">The day.</param>
/// <param name="Spans">Open spans in order; empty means closed all day.</param>
/// <param name="Note">Why the day differs (holiday, period or closure name), or null for regular days.</param>
public sealed record DayHours(LocalDate Date, IReadOnlyList<DailySpan> Spans, string? Note = null)
{
    /// <summary>The day of the week of <see cref="Date"/>.</summary>
    public IsoDayOfWeek Day => Date.DayOfWeek;

    /// <summary>Whether the hall is closed all day.</summary>
    public bool IsClosed => Spans.Count == 0;

    /// <summary>Same spans and same note (what the weekly summary groups on).</summary>
    public bool SameHoursAs(DayHours other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Note, other.Note, StringComparison.Ordinal) && Spans.SequenceEqual(other.Spans);
    }
}
