namespace MppSignage.Shared.Mqtt;

/// <summary>MQTT topic-filter matching (<c>+</c> one level, <c>#</c> the rest), as brokers apply it.</summary>
public static class TopicFilter
{
    /// <summary>True when the concrete <paramref name="topic"/> matches <paramref name="filter"/>.</summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        var f = filter.Split('/');
        var t = topic.Split('/');
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i] == "#")
            {
                // "a/#" also matches "a" itself (MQTT 3.1.1 §4.7.1.2).
                return true;
            }

            if (i >= t.Length)
            {
                return false;
            }

            if (f[i] != "+" && f[i] != t[i])
            {
                return false;
            }
        }

        return f.Length == t.Length;
    }

    /// <summary>True when some concrete topic matches both filters (used to grant a subscription that can receive something allowed).</summary>
    public static bool Overlaps(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = a.Split('/');
        var y = b.Split('/');
        for (var i = 0; ; i++)
        {
            var xEnd = i >= x.Length;
            var yEnd = i >= y.Length;
            if (!xEnd && x[i] == "#" || !yEnd && y[i] == "#")
            {
                return true;
            }

            if (xEnd || yEnd)
            {
                return xEnd && yEnd;
            }

            if (x[i] != "+" && y[i] != "+" && x[i] != y[i])
            {
                return false;
            }
        }
    }

    /// <summary>True when <paramref name="topic"/> is a valid topic name to publish to (no wildcards, not empty).</summary>
    public static bool IsValidTopicName(string? topic) =>
        !string.IsNullOrEmpty(topic) && topic.Length <= 65535 && !topic.Contains('+') && !topic.Contains('#') && !topic.Contains('\0');
}
