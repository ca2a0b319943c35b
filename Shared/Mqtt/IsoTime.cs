using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Mqtt;

/// <summary>The one date-time format on the wire: ISO 8601 with the site's offset, e.g. <c>2024-07-01T08:00:00+07:00</c>.</summary>
public static class IsoTime
{
    private static readonly OffsetDateTimePattern Pattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>Formats <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static string Format(Instant instant, DateTimeZone zone) => Pattern.Format(instant.InZone(zone).ToOffsetDateTime());

    /// <summary>Formats a nullable instant (null stays null).</summary>
    public static string? Format(Instant? instant, DateTimeZone zone) => instant is { } i ? Format(i, zone) : null;

    /// <summary>Parses a date-time with offset (also <c>Z</c>, fractional seconds); null when it is not one.</summary>
    public static Instant? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var r = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return r.Success ? r.Value.ToInstant() : null;
    }
}
