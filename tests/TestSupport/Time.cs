using NodaTime;

namespace MppSignage.TestSupport;

/// <summary>Instants at the site: the Asia/Jakarta zone (WIB) and wall-clock builders.</summary>
public static class Time
{
    /// <summary>The site's zone, from the tzdb embedded in NodaTime.</summary>
    public static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    /// <summary>A Jakarta wall-clock time as an instant: <c>J(2024, 7, 1, 8, 0)</c> is Monday 1 July 2024 08.00 WIB.</summary>
    public static Instant J(int year, int month, int day, int hour, int minute, int second = 0) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Jakarta).ToInstant();

    /// <summary>An instant as the <see cref="DateTimeOffset"/> a <see cref="TimeProvider"/> takes.</summary>
    public static DateTimeOffset Dto(Instant instant) => instant.ToDateTimeOffset();
}
