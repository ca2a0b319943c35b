namespace MppSignage.Shared.OpeningHours;

/// <summary>One compiled time span, in minutes of the day (ends up to 2880 = 48:00).</summary>
internal readonly struct TimeSelector
{
    public TimeSelector(TimeSelectorKind kind, int from, int to, bool openEnd)
    {
        Kind = kind;
        From = from;
        To = to;
        OpenEnd = openEnd;
    }

    public TimeSelectorKind Kind { get; }

    /// <summary>Start minute (0-1439, or later for the open end after a span that passed midnight).</summary>
    public int From { get; }

    /// <summary>End minute, exclusive.</summary>
    public int To { get; }

    /// <summary>True for the guessed part of an open end (<c>17:00+</c>).</summary>
    public bool OpenEnd { get; }

    /// <summary>
    /// Whether minute <paramref name="minute"/> of the day starting at <paramref name="dayStart"/> lies in the span;
    /// <paramref name="change"/> is the stamp (minutes since the epoch) the function reports as its next change.
    /// </summary>
    public bool Match(int minute, long dayStart, out long change)
    {
        switch (Kind)
        {
            case TimeSelectorKind.Always:
                change = DateSelector.NoChange;
                return true;
            case TimeSelectorKind.Normal:
                if (minute < From)
                {
                    change = dayStart + From;
                    return false;
                }
                if (minute < To)
                {
                    change = dayStart + To;
                    return true;
                }
                change = dayStart + From + CivilDay.MinutesPerDay;
                return false;
            case TimeSelectorKind.Extended:
                if (minute < From)
                {
                    change = dayStart + From;
                    return false;
                }
                change = dayStart + To;
                return true;
            default: // Wrap
                if (minute < To)
                {
                    change = dayStart + To;
                    return true;
                }
                change = DateSelector.NoChange;
                return false;
        }
    }

    /// <summary>Match without the change date (used for the open-end look-back).</summary>
    public bool Contains(int minute) => Kind switch
    {
        TimeSelectorKind.Always => true,
        TimeSelectorKind.Normal => minute >= From && minute < To,
        TimeSelectorKind.Extended => minute >= From,
        _ => minute < To,
    };
}
