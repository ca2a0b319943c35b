using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.Shared.Schedule;

namespace MppSignage.Controller.Scheduling;

/// <summary>
/// The schedule in force. At start: the copy last accepted over MQTT (state directory) when valid, else
/// <c>Schedule:File</c>; when neither is usable the door goes to its schedule-unavailable safe state and
/// the problem is reported (log and status). Only the door loop changes it.
/// </summary>
internal sealed class ScheduleProvider(StateStore store, IOptions<ScheduleOptions> options, ILogger<ScheduleProvider> logger)
{
    public Schedule? Current { get; private set; }

    /// <summary>Why no schedule is in force, when none is.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where the schedule in force came from (a path, or <c>mqtt</c>).</summary>
    public string? Source { get; private set; }

    public void Load()
    {
        var stored = store.LoadSchedule();
        if (stored.Problem is not null)
        {
            Log.StateProblem(logger, stored.Problem);
        }

        if (stored.Value is { } json)
        {
            var parsed = ScheduleLoader.Parse(json);
            if (parsed.Schedule is not null)
            {
                Set(parsed.Schedule, Path.Combine(store.Directory, StateStore.ScheduleFile));
                return;
            }

            var aside = store.SetAsideSchedule();
            Log.StateProblem(logger, $"the stored schedule is invalid ({Describe(parsed)}); set aside as {aside}; using {options.Value.File}");
        }

        var path = Path.GetFullPath(options.Value.File);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail($"Schedule:File {path} cannot be read ({ex.Message}); fix the path (--Schedule:File=…) or publish a schedule on schedule/set");
            return;
        }

        var result = ScheduleLoader.Parse(text);
        if (result.Schedule is null)
        {
            Fail($"Schedule:File {path} is invalid: {Describe(result)}; check it with `mpp-controller hours check {path}`");
            return;
        }

        Set(result.Schedule, path);
    }

    /// <summary>Puts an accepted schedule in force (the caller has persisted it).</summary>
    public void Accept(Schedule schedule) => Set(schedule, "mqtt");

    /// <summary>Puts back the schedule that was in force before a change that could not be saved.</summary>
    public void Restore(Schedule? previous)
    {
        if (previous is null)
        {
            Current = null;
            Source = null;
            return;
        }

        Set(previous, Source ?? "restored");
    }

    private void Set(Schedule schedule, string source)
    {
        Current = schedule;
        Source = source;
        Problem = null;
        Log.ScheduleLoaded(logger, source, schedule.Zone.Id);
    }

    private void Fail(string problem)
    {
        Current = null;
        Source = null;
        Problem = problem;
        Log.ScheduleUnavailable(logger, problem);
    }

    private static string Describe(ScheduleLoadResult r) =>
        r.Problems.Count == 0 ? "unknown problem" : string.Join("; ", r.Problems.Take(3).Select(p => p.ToString())) + (r.Problems.Count > 3 ? $" (+{r.Problems.Count - 3} more)" : "");
}
