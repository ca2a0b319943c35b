using NodaTime;

namespace MppSignage.TestSupport;

public static class Time
{
    public static readonly DateTimeZone Jakarta = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    /// <summary>A Jakarta wall-clock time as an instant.</summary>
    public static Instant J(int year, int month, int day, int hour, int minute, int second = 0) =>
        new LocalDateTime(year, month, day, hour, minute, second).InZoneStrictly(Jakarta).ToInstant();

    public static DateTimeOffset Dto(Instant instant) => instant.ToDateTimeOffset();
}
