using MppSignage.Shared.Mqtt;

namespace MppSignage.SignageRenderer.Tests.Display;

/// <summary>Status messages as the controller publishes them, for the display power tests (WIB, +07:00).</summary>
internal static class Statuses
{
    public static DateTimeOffset Wib(int day, int hour, int minute) => new(2024, 7, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static StatusMessage Open(DateTimeOffset since, DateTimeOffset closesAt) => new()
    {
        State = "open", Phase = "open", Mode = "auto", Reason = "regular", Relay = "on", ClockSynced = true,
        Since = since.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), ClosesAt = closesAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
        UpdatedAt = since.ToString("O"),
    };

    public static StatusMessage Closed(DateTimeOffset since, DateTimeOffset? opensAt, bool clockSynced = true) => new()
    {
        State = "closed", Phase = "closed", Mode = "auto", Reason = clockSynced ? "regular" : "clock-unsynchronised", Relay = "off",
        ClockSynced = clockSynced, Since = since.ToString("yyyy-MM-dd'T'HH:mm:sszzz"),
        OpensAt = opensAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), UpdatedAt = since.ToString("O"),
    };
}
