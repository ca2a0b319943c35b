using MppSignage.Shared.Mqtt;
using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The rules that turn an override command into an <see cref="OverrideState"/>. With <c>until</c>: it must be
/// in the future and within the maximum. Without <c>until</c>:
/// <list type="bullet">
/// <item>open while the schedule says closed (after hours, before opening, holiday, no schedule): for
/// <see cref="OverridePolicy.DefaultOpen"/> (1 h), never past local midnight, and ending earlier at the
/// scheduled opening;</item>
/// <item>otherwise (closed during hours, open during hours, closed after hours): until the next scheduled
/// open/closed change;</item>
/// </list>
/// always capped by the maximum. Refusals speak site time with its offset. Pure: the caller supplies the
/// instant and the schedule evaluation.
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
    /// <param name="policy">Maximum, default open duration and site zone.</param>
    public static OverrideOutcome Apply(OverrideCommand command, string by, Instant now, ScheduleEvaluation? evaluation, OverridePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(by);
        ArgumentNullException.ThrowIfNull(policy);
        if (command.Target == OverrideTarget.Auto)
        {
            return new OverrideOutcome(CommandResult.Success, null);
        }

        var latest = now + policy.Maximum;
        Instant until;
        if (command.Until is { } requested)
        {
            if (requested <= now)
            {
                return Refused("until", $"{Site(requested, policy)} is not in the future (now is {Site(now, policy)}); give a later time or omit it for the default end");
            }

            if (requested > latest)
            {
                return Refused("until", $"{Site(requested, policy)} is beyond the maximum override of {FormatDuration(policy.Maximum)} (now is {Site(now, policy)}, latest {Site(latest, policy)})");
            }

            until = requested;
        }
        else
        {
            until = DefaultUntil(command.Target == OverrideTarget.Open, now, evaluation, policy);
        }

        return new OverrideOutcome(CommandResult.Success, new OverrideState(command.Target == OverrideTarget.Open, until, by, command.Reason, now));
    }

    /// <summary>The end of an override without <c>until</c> (see the type's remarks).</summary>
    public static Instant DefaultUntil(bool open, Instant now, ScheduleEvaluation? evaluation, OverridePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var latest = now + policy.Maximum;
        var next = NextScheduledChange(evaluation, now);
        Instant until;
        if (open && evaluation?.State != OpeningState.Open)
        {
            var midnight = now.InZone(policy.Zone).Date.PlusDays(1).AtStartOfDayInZone(policy.Zone).ToInstant();
            until = Instant.Min(now + policy.DefaultOpen, midnight);
            if (next is { } opens && opens < until)
            {
                until = opens;
            }
        }
        else
        {
            until = next ?? latest;
        }

        return Instant.Min(until, latest);
    }

    /// <summary>
    /// The staff button's short press: the opposite of what the door shows, ending as <see cref="DefaultUntil"/> says.
    /// When the opposite is what the schedule gives anyway, the override is cleared instead (back to automatic).
    /// </summary>
    /// <param name="doorOpen">What the door shows now.</param>
    /// <param name="autoOpen">What the door would show in automatic mode now.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="evaluation">The schedule at <paramref name="now"/>, or null.</param>
    /// <param name="policy">Maximum, default open duration and site zone.</param>
    public static OverrideOutcome Toggle(bool doorOpen, bool autoOpen, Instant now, ScheduleEvaluation? evaluation, OverridePolicy policy)
    {
        var target = !doorOpen;
        var command = new OverrideCommand(target == autoOpen ? OverrideTarget.Auto : target ? OverrideTarget.Open : OverrideTarget.Closed, null, "button");
        return Apply(command, "button", now, evaluation, policy);
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

    private static string Site(Instant instant, OverridePolicy policy) => IsoTime.Format(instant, policy.Zone);

    private static OverrideOutcome Refused(string field, string error) => new(CommandResult.Refused(field, error), null);

    private static string FormatDuration(Duration d) =>
        d.Minutes == 0 && d.Seconds == 0 ? $"{(long)d.TotalHours} h" : $"{(long)d.TotalMinutes} min";
}
