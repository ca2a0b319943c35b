namespace MppSignage.Shared.Announcements;

/// <summary>Why an announcement payload or command was refused.</summary>
/// <param name="Field">JSON path of the offending field (e.g. <c>title.id</c>, <c>services[2].agency</c>), or <c>$</c> for the whole payload.</param>
/// <param name="Reason">What is wrong and what is expected.</param>
public sealed record AnnouncementProblem(string Field, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Reason}";
}
