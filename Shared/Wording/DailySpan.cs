using NodaTime;

namespace MppSignage.Shared.Wording;

/// <summary>
/// A stretch of one local day, in minutes since midnight: <see cref="StartMinute"/> in 0…1439 and
/// <see cref="EndMinute"/> in 1…1440, so that an interval running to the end of the day can be
/// written <c>24.00</c> (a <see cref="LocalTime"/> cannot say 24:00).
/// </summary>
/// <param name="StartMinute">First minute of the span (0 = 00:00).</param>
/// <param name="EndMinute">Minute just after the span (1440 = 24:00).</param>
public readonly record struct DailySpan(int StartMinute, int EndMinute)
{
    /// <summary>The number of minutes in a day (the largest <see cref="EndMinute"/>).</summary>
    public const int MinutesPerDay = 1440;

    /// <summary>Makes a span from two local times; an end at 00:00 means 24:00 (end of the day).</summary>
    public static DailySpan FromTimes(LocalTime start, LocalTime end)
    {
        var s = start.Hour * 60 + start.Minute;
        var e = end.Hour * 60 + end.Minute;
        if (e == 0)
        {
            e = MinutesPerDay;
        }

        return new DailySpan(s, e);
    }

    /// <summary>Whether the span is well formed (0 ≤ start &lt; end ≤ 1440).</summary>
    public bool IsValid => StartMinute >= 0 && StartMinute < EndMinute && EndMinute <= MinutesPerDay;

    /// <summary>Length of the span.</summary>
    public Duration Length => Duration.FromMinutes(EndMinute - StartMinute);
}
