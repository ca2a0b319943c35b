namespace MppSignage.Shared.Announcements;

/// <summary>The outcome of parsing an <c>announcements/delete</c> payload (<c>{"id":"…"}</c>).</summary>
/// <param name="Id">The id to delete, or null when there is a problem.</param>
/// <param name="Problem">Why the payload was refused, or null.</param>
public sealed record AnnouncementDeleteParseResult(string? Id, AnnouncementProblem? Problem);
