using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The rules that turn an override command into an <see cref="OverrideState"/>: the end defaults to the
/// next scheduled open/closed change, a maximum duration caps it, and an end in the past or beyond the
/// cap is refused. Pure: the caller supplies the instant and the schedule evaluation.
/// </summary>
public static class OverrideRules
{
    /// <summary>Default maximum override duration.</summary>
    public static readonly Duration DefaultMaximum = Duration.FromHours(12);

    /// <summary>Applies <paramref name="command"/> at <paramref name="now"/>.</summary>
    /// <param name="command">The parsed command.</param>
    /// <param name="by">Who asked (MQTT user, <c>button</c>, <c>cli</c>).</param>
    /// <param name="now">The current instant.</param>
    /// <param name="evaluation">The schedule at <paramref name="now"/>, or null when unavailable.</param>
    /// <param name="maximum">The longest allowed override.</param>
    public static OverrideOutcome Apply(OverrideCommand command, string by, Instant now, ScheduleEvaluation? evaluation, Duration maximum)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(by);
        if (command.Target == OverrideTarget.Auto)
        {
            return new OverrideOutcome(CommandResult.Success, null);
        }

        var latest = now + maximum;
        Instant until;
        if (command.Until is { } requested)
        {
            if (requested <= now)
            {
                return Refused("until", $"is not in the future (now is {now}); give a later time or omit it to end at the next scheduled change");
            }

            if (requested > latest)
            {
                return Refused("until", $"is beyond the maximum override of {FormatDuration(maximum)} (latest {latest})");
            }

            until = requested;
        }
        else
        {
            until = NextScheduledChange(evaluation, now) is { } next && next <= latest ? next : latest;
        }

        return new OverrideOutcome(CommandResult.Success, new OverrideState(command.Target == OverrideTarget.Open, until, by, command.Reason, now));
    }

    /// <summary>
    /// The staff button's short press: the opposite of what the door shows, until the next scheduled change.
    /// When the opposite is what the schedule gives anyway, the override is cleared instead (back to automatic).
    /// </summary>
    /// <param name="doorOpen">What the door shows now.</param>
    /// <param name="autoOpen">What the door would show in automatic mode now.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="evaluation">The schedule at <paramref name="now"/>, or null.</param>
    /// <param name="maximum">The longest allowed override.</param>
    public static OverrideOutcome Toggle(bool doorOpen, bool autoOpen, Instant now, ScheduleEvaluation? evaluation, Duration maximum)
    {
        var target = !doorOpen;
        var command = new OverrideCommand(target == autoOpen ? OverrideTarget.Auto : target ? OverrideTarget.Open : OverrideTarget.Closed, null, "button");
        return Apply(command, "button", now, evaluation, maximum);
    }

    /// <summary>The next instant the schedule switches between open and closed, when known.</summary>
    public static Instant? NextScheduledChange(ScheduleEvaluation? evaluation, Instant now)
    {
        if (evaluation is null)
        {
            return null;
        }

        var next = evaluation.State == OpeningState.Open ? evaluation.ClosesAt : evaluation.OpensAt;
        next ??= evaluation.NextChange;
        return next is { } n && n > now ? n : null;
    }

    private static OverrideOutcome Refused(string field, string error) => new(CommandResult.Refused(field, error), null);

    private static string FormatDuration(Duration d) =>
        d.Minutes == 0 && d.Seconds == 0 ? $"{(long)d.TotalHours} h" : $"{(long)d.TotalMinutes} min";
}
