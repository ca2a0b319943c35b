using System.Globalization;
using System.Text.RegularExpressions;

namespace MppSignage.TestSupport;

/// <summary>A strict RFC 3339 check for instants on the wire (what JavaScript's <c>Date</c> and Home Assistant read).</summary>
public static partial class Rfc3339
{
    /// <summary>True when <paramref name="text"/> is an RFC 3339 section 5.6 <c>date-time</c> with seconds and <c>Z</c> or a <c>+HH:MM</c> offset, nothing else.</summary>
    public static bool IsStrict(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is not null
            && Pattern().IsMatch(text)
            && DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>True when <paramref name="text"/> is strict RFC 3339.</summary>
    public static bool IsStrict(string? text) => IsStrict(text, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Pattern();
}
