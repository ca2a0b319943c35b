using MppSignage.Shared.OpeningHours;

namespace MppSignage.Shared.Schedule;

/// <summary>
/// What governs one local day after precedence (closure &gt; closing holiday &gt; special period &gt;
/// regular version). <see cref="Identity"/> is the deciding object, compared by reference, so
/// consecutive days with the same rule form one segment evaluated in one pass.
/// </summary>
internal readonly record struct DayRule(
    ScheduleReason Reason,
    string? Name,
    string? Source,
    OpeningHoursExpression? Expression,
    object Identity);
