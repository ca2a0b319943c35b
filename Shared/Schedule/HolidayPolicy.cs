namespace MppSignage.Shared.Schedule;

/// <summary>Which holiday kinds close the hall and which count as <c>PH</c> in expressions.</summary>
/// <param name="CloseOn">Kinds on which the hall is closed all day.</param>
/// <param name="PublicHolidayKinds">Kinds that the <c>PH</c> selector of an expression matches.</param>
/// <param name="IncludeDefault">Whether the embedded official table is part of the schedule.</param>
/// <param name="LocalKinds">Declared local kinds (besides <c>libur-nasional</c> and <c>cuti-bersama</c>).</param>
public sealed record HolidayPolicy(
    IReadOnlyList<string> CloseOn,
    IReadOnlyList<string> PublicHolidayKinds,
    bool IncludeDefault,
    IReadOnlyList<string> LocalKinds)
{
    /// <summary>Whether a holiday of <paramref name="kind"/> closes the hall.</summary>
    public bool Closes(string kind) => CloseOn.Contains(kind, StringComparer.Ordinal);
}
