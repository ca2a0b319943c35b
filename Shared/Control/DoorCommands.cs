namespace MppSignage.Shared.Control;

/// <summary>
/// What the override command and the staff button do, decided purely from a <see cref="DoorSituation"/>:
/// the outcome to store and answer, or nothing to do. The controller persists and applies it.
/// </summary>
public static class DoorCommands
{
    /// <summary>The refusal of a forced state while the clock cannot be trusted (its end could not be judged).</summary>
    public const string ClockUnsynchronisedError =
        "the clock is not synchronised, so the override's end cannot be judged; the door follows Clock:UnsynchronizedPolicy until it is (\"auto\" is accepted)";

    /// <summary>An override command (<c>override/set</c>, the CLI) by <paramref name="by"/>.</summary>
    public static OverrideOutcome Override(OverrideCommand command, string by, DoorSituation situation)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(situation);
        if (command.Target != OverrideTarget.Auto && !situation.ClockSynced)
        {
            return new OverrideOutcome(CommandResult.Refused("state", ClockUnsynchronisedError), null);
        }

        return OverrideRules.Apply(command, by, situation.Now, situation.Evaluation, situation.OverridePolicy);
    }

    /// <summary>
    /// The staff button: a long press clears a stored override (nothing to do without one); a short press shows
    /// the opposite of what the door shows, ending like an override without <c>until</c> (see <see cref="OverrideRules.Toggle"/>).
    /// Null when there is nothing to do.
    /// </summary>
    public static OverrideOutcome? Button(ButtonGesture gesture, DoorSituation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        if (gesture == ButtonGesture.LongPress)
        {
            return situation.Override is null ? null : new OverrideOutcome(CommandResult.Success, null);
        }

        if (!situation.ClockSynced)
        {
            return new OverrideOutcome(CommandResult.Refused("state", ClockUnsynchronisedError), null);
        }

        var autoOpen = DoorDecision.Decide(situation.Evaluation, null, situation.ClockSynced, situation.Now, situation.Options, situation.ScheduleProblem).Open;
        return OverrideRules.Toggle(situation.Current?.Open ?? false, autoOpen, situation.Now, situation.Evaluation, situation.OverridePolicy);
    }
}
