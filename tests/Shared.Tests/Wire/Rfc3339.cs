using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace MppSignage.Shared.Tests.Wire;

/// <summary>A strict RFC 3339 check for instants on the wire (what JavaScript's <c>Date</c> and Home Assistant read).</summary>
internal static partial class Rfc3339
{
    /// <summary>RFC 3339 section 5.6 <c>date-time</c>: seconds, optional fraction, and <c>Z</c> or a <c>+HH:MM</c> offset, nothing else.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Pattern();

    /// <summary>Asserts <paramref name="text"/> is strict RFC 3339 (and, when given, names <paramref name="expected"/>).</summary>
    public static void AssertStrict(string? text, Instant? expected = null)
    {
        Assert.NotNull(text);
        Assert.Matches(Pattern(), text);
        Assert.True(DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed), text);
        if (expected is { } e)
        {
            Assert.Equal(e.ToDateTimeOffset(), parsed);
        }
    }
}
