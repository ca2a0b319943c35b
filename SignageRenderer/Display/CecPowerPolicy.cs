using System.Globalization;
using MppSignage.Shared.Mqtt;

namespace MppSignage.SignageRenderer.Display;

/// <summary>
/// Decides whether the TV should be on, from the controller's published status and the clock. Pure:
/// the renderer never decides open/closed itself, it only adds the configured offsets to what the
/// controller says (<c>state</c>, <c>since</c>, <c>opensAt</c>).
/// </summary>
public static class CecPowerPolicy
{
    /// <summary>
    /// The wanted display power at <paramref name="now"/>, or null to leave the TV as it is: before the
    /// first status, and while the controller's clock is not synchronised (offsets from a wrong clock
    /// would switch at random times; the screen keeps whatever state a person or the last switch left).
    /// </summary>
    /// <param name="status">The last status received, or null.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="options">Offsets.</param>
    /// <param name="forceOn">True while something must be seen regardless of the hours (an emergency announcement).</param>
    public static CecPower? Desired(StatusMessage? status, DateTimeOffset now, CecOptions options, bool forceOn = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (forceOn)
        {
            return CecPower.On;
        }

        if (status is null || !status.ClockSynced)
        {
            return null;
        }

        if (string.Equals(status.State, "open", StringComparison.Ordinal))
        {
            return CecPower.On;
        }

        // Closed: on shortly before the next opening …
        if (ParseInstant(status.OpensAt) is { } opensAt && now >= opensAt - options.WakeBeforeOpening)
        {
            return CecPower.On;
        }

        // … and for a while after closing, so late visitors read when it opens again.
        if (ParseInstant(status.Since) is { } since && now >= since && now < since + options.StandbyAfterClosing)
        {
            return CecPower.On;
        }

        return CecPower.Standby;
    }

    private static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) ? value : null;
}
