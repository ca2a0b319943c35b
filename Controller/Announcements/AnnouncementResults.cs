using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;

namespace MppSignage.Controller.Announcements;

/// <summary>Turns announcement problems into the command result every command uses.</summary>
internal static class AnnouncementResults
{
    /// <summary>The first problem as the refusal (whole-payload problems named <c>payload</c>, as other commands do), with a count of the rest.</summary>
    public static CommandResult Refusal(IReadOnlyList<AnnouncementProblem> problems)
    {
        var first = problems[0];
        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more problem(s))" : "";
        return CommandResult.Refused(first.Field == "$" ? "payload" : first.Field, first.Reason + more);
    }
}
