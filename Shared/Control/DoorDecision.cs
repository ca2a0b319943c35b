using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>
/// The pure door decision: (schedule evaluation, override, clock status, instant) → <see cref="DoorState"/>.
/// No I/O and no timers: the controller calls it on every wake-up and applies the result.
/// </summary>
public static class DoorDecision
{
    /// <summary>Decides the door at <paramref name="now"/>.</summary>
    /// <param name="evaluation">The schedule evaluated at <paramref name="now"/>, or null when no valid schedule is loaded.</param>
    /// <param name="override">The stored override, or null; it decides only while <see cref="Judge"/> says it is in force.</param>
    /// <param name="clockSynced">Whether the system clock is synchronised.</param>
    /// <param name="now">The instant to decide for.</param>
    /// <param name="options">Closing-soon window and safe-state policies.</param>
    /// <param name="scheduleProblem">Why the schedule is unavailable (for the status message), when <paramref name="evaluation"/> is null.</param>
    public static DoorState Decide(
        ScheduleEvaluation? evaluation,
        OverrideState? @override,
        bool clockSynced,
        Instant now,
        DoorDecisionOptions options,
        string? scheduleProblem = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var standing = @override is null ? (OverrideStanding?)null : Judge(@override, now, clockSynced, options.OverrideMaximum);
        if (standing == OverrideStanding.InForce)
        {
            return DecideOverride(evaluation, @override!, now, options);
        }

        if (evaluation is null)
        {
            return new DoorState
            {
                Open = options.OpenWhenScheduleUnavailable,
                Phase = options.OpenWhenScheduleUnavailable ? DoorPhase.Open : DoorPhase.Closed,
                Mode = DoorMode.Auto,
                Reason = DoorReason.ScheduleUnavailable,
                ClockSynced = clockSynced,
                EvaluatedAt = now,
                Message = scheduleProblem is null ? "schedule unavailable" : $"schedule unavailable: {scheduleProblem}",
            };
        }

        if (!clockSynced && options.UnsynchronizedPolicy != UnsynchronizedClockPolicy.Schedule)
        {
            var open = options.UnsynchronizedPolicy == UnsynchronizedClockPolicy.Open;
            return new DoorState
            {
                Open = open,
                Phase = open ? DoorPhase.Open : DoorPhase.Closed,
                Mode = DoorMode.Auto,
                Reason = DoorReason.ClockUnsynchronised,
                ClockSynced = false,
                EvaluatedAt = now,
                TodayHours = evaluation.TodayHours,
                // No NextChange: the clock cannot be trusted; the periodic check notices synchronisation.
                Message = standing == OverrideStanding.ClockUnsynchronised ? "time not synchronised; the stored override waits until it is" : "time not synchronised",
            };
        }

        return DecideAuto(evaluation, clockSynced, now, options);
    }

    /// <summary>
    /// Whether <paramref name="override"/> decides the door at <paramref name="now"/>. With an unsynchronised
    /// clock nothing about it can be judged (a Pi without RTC boots with a stale clock), so it waits; otherwise
    /// it is in force until its end, and only while neither its whole span nor what remains of it exceeds
    /// <paramref name="maximum"/>.
    /// </summary>
    public static OverrideStanding Judge(OverrideState @override, Instant now, bool clockSynced, Duration maximum)
    {
        ArgumentNullException.ThrowIfNull(@override);
        if (!clockSynced)
        {
            return OverrideStanding.ClockUnsynchronised;
        }

        if (!@override.IsActiveAt(now))
        {
            return OverrideStanding.Expired;
        }

        return @override.Until - @override.SetAt > maximum || @override.Until - now > maximum
            ? OverrideStanding.BeyondMaximum
            : OverrideStanding.InForce;
    }

    /// <summary>
    /// Fills <see cref="DoorState.Since"/> when the decision alone cannot know it (clock or schedule
    /// problems): kept from <paramref name="previous"/> while the output is the same, otherwise now.
    /// </summary>
    public static DoorState CarrySince(DoorState next, DoorState? previous)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Since is not null)
        {
            return next;
        }

        return next with { Since = next.SameOutputAs(previous) && previous!.Since is not null ? previous.Since : next.EvaluatedAt };
    }

    private static DoorState DecideAuto(ScheduleEvaluation e, bool clockSynced, Instant now, DoorDecisionOptions options)
    {
        var open = e.State == OpeningState.Open;
        var phase = open ? DoorPhase.Open : DoorPhase.Closed;
        var since = e.Since;
        var nextChange = e.NextChange;
        Instant? soonStart = null;

        if (open && e.ClosesAt is { } closesAt && options.ClosingSoon > Duration.Zero)
        {
            soonStart = closesAt - options.ClosingSoon;
            if (now >= soonStart)
            {
                phase = DoorPhase.ClosingSoon;
                since = Max(soonStart.Value, e.Since);
            }
            else
            {
                nextChange = Min(nextChange, soonStart);
            }
        }

        string? message = e.State == OpeningState.Unknown ? "schedule state unknown; kept closed" : null;
        if (!clockSynced)
        {
            message = "time not synchronised; following the schedule anyway";
        }

        return new DoorState
        {
            Open = open,
            Phase = phase,
            Mode = DoorMode.Auto,
            Reason = Map(e.Reason),
            Name = e.Name,
            Comment = e.Comment,
            Since = since,
            NextChange = nextChange,
            ClosesAt = open ? e.ClosesAt : null,
            OpensAt = open ? null : e.OpensAt,
            ClockSynced = clockSynced,
            TodayHours = e.TodayHours,
            Message = message,
            EvaluatedAt = now,
            WakeAt = Min(e.NextChange, soonStart is { } s && s > now ? s : null),
        };
    }

    private static DoorState DecideOverride(ScheduleEvaluation? e, OverrideState o, Instant now, DoorDecisionOptions options)
    {
        // After the override ends the schedule decides; estimate from the evaluation at now whether the
        // door will then be open, to show closing-soon and the right closes/opens instants.
        bool scheduleOpenAtUntil = e is not null && (e.State == OpeningState.Open
            ? e.ClosesAt is null || e.ClosesAt > o.Until
            : e.OpensAt is { } opens && opens <= o.Until);

        var phase = o.Open ? DoorPhase.Open : DoorPhase.Closed;
        Instant nextChange = o.Until;
        Instant? soonStart = null;
        Instant? closesAt = null;
        Instant? opensAt = null;

        if (o.Open)
        {
            closesAt = scheduleOpenAtUntil ? e!.ClosesAt : o.Until;
            if (!scheduleOpenAtUntil && options.ClosingSoon > Duration.Zero)
            {
                soonStart = o.Until - options.ClosingSoon;
                if (now >= soonStart)
                {
                    phase = DoorPhase.ClosingSoon;
                }
                else
                {
                    nextChange = soonStart.Value;
                }
            }
        }
        else
        {
            opensAt = scheduleOpenAtUntil ? Max(o.Until, e!.State == OpeningState.Open ? null : e.OpensAt) : e?.OpensAt is { } later && later > o.Until ? later : null;
        }

        var by = string.IsNullOrEmpty(o.Reason) ? $"override by {o.By}" : $"override by {o.By}: {o.Reason}";
        return new DoorState
        {
            Open = o.Open,
            Phase = phase,
            Mode = DoorMode.Override,
            Reason = DoorReason.Override,
            Name = e?.Name,
            Comment = e?.Comment,
            Since = phase == DoorPhase.ClosingSoon ? Max(soonStart!.Value, o.SetAt) : o.SetAt,
            NextChange = nextChange,
            ClosesAt = closesAt,
            OpensAt = opensAt,
            Override = o,
            // An override is only in force with a synchronised clock (see Judge).
            ClockSynced = true,
            TodayHours = e?.TodayHours ?? [],
            Message = by,
            EvaluatedAt = now,
            WakeAt = Min(Min(e?.NextChange, o.Until), soonStart is { } s && s > now ? s : null),
        };
    }

    /// <summary>Maps the schedule's reason to the door's.</summary>
    public static DoorReason Map(ScheduleReason reason) => reason switch
    {
        ScheduleReason.Regular => DoorReason.Regular,
        ScheduleReason.Holiday => DoorReason.Holiday,
        ScheduleReason.Special => DoorReason.Special,
        ScheduleReason.Closure => DoorReason.Closure,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown schedule reason."),
    };

    private static Instant? Min(Instant? a, Instant? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static Instant Max(Instant a, Instant? b) => b is { } bb && bb > a ? bb : a;
}
