namespace MppSignage.Shared.OpeningHours;

/// <summary>
/// One internal rule as opening_hours.js builds them: a rule of the text, an additional rule after
/// <c>,</c>, or the "wrap" rule holding the after-midnight tails of a rule's spans.
/// </summary>
internal sealed class CompiledRule
{
    public CompiledRule(DateSelector[][] dateGroups, TimeSelector[] times, bool meaning, bool unknown, string? comment, bool fallback, bool additional, bool wrapped)
    {
        DateGroups = dateGroups;
        Times = times;
        Meaning = meaning;
        Unknown = unknown;
        Comment = comment;
        Fallback = fallback;
        Additional = additional;
        Wrapped = wrapped;
    }

    /// <summary>Date selector groups in the order year, holiday, month, monthday, week, weekday; all groups must match, any selector within a group.</summary>
    public DateSelector[][] DateGroups { get; }

    /// <summary>Time spans; none means the whole day.</summary>
    public TimeSelector[] Times { get; }

    /// <summary>True for <c>open</c> (the default), false for <c>closed</c>/<c>off</c>/<c>unknown</c>.</summary>
    public bool Meaning { get; }

    /// <summary>True for <c>unknown</c> or a comment without modifier.</summary>
    public bool Unknown { get; }

    /// <summary>The rule's explicit comment.</summary>
    public string? Comment { get; }

    /// <summary>Rule after <c>||</c>: applies only where the state so far is closed.</summary>
    public bool Fallback { get; }

    /// <summary>Rule after <c>,</c>: adds to, never replaces, earlier rules.</summary>
    public bool Additional { get; }

    /// <summary>The after-midnight part of a rule: its date selectors look at the day before.</summary>
    public bool Wrapped { get; }
}
