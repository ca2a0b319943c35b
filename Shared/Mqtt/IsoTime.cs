using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The one instant format of the wire and the one ISO instant parser of every input: RFC 3339 with the
/// site's full offset, e.g. <c>2024-07-01T08:00:00+07:00</c> (readable by JavaScript's <c>Date</c> and Home Assistant).
/// </summary>
public static class IsoTime
{
    /// <summary>What the parser accepts, for messages.</summary>
    public const string Expected = "an ISO 8601 date-time with offset, e.g. 2024-07-01T15:00:00+07:00";

    /// <summary>The written form: seconds and a <c>+07:00</c> offset, never <c>+07</c> or <c>Z</c>-less fractions.</summary>
    public static OffsetDateTimePattern Pattern { get; } =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    // Read: seconds with optional fraction, or minutes only; the offset as Z, +07 or +07:00.
    private static readonly OffsetDateTimePattern[] ReadPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    /// <summary>Formats <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static string Format(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Pattern.Format(instant.InZone(zone).ToOffsetDateTime());
    }

    /// <summary>Formats a nullable instant (null stays null).</summary>
    public static string? Format(Instant? instant, DateTimeZone zone) => instant is { } i ? Format(i, zone) : null;

    /// <summary>Formats a date-time with the offset it carries.</summary>
    public static string Format(OffsetDateTime value) => Pattern.Format(value);

    /// <summary>A site-local time with the zone's offset (lenient in DST gaps).</summary>
    public static string Format(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Pattern.Format(zone.AtLeniently(local).ToOffsetDateTime());
    }

    /// <summary>Parses a date-time with offset (also <c>Z</c>, fractional seconds, minutes only); null when it is not one.</summary>
    public static Instant? Parse(string? text) => TryParse(text, out var value) ? value.ToInstant() : null;

    /// <summary>Parses a date-time with offset, keeping the offset it was given in.</summary>
    public static bool TryParse(string? text, out OffsetDateTime value)
    {
        var parsed = string.IsNullOrEmpty(text) ? null : ReadPatterns.Select(p => p.Parse(text)).FirstOrDefault(r => r.Success);
        value = parsed?.Value ?? default;
        return parsed is not null;
    }
}
