using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Shared.Schedule;

/// <summary>A moment at which the schedule's answer changes, and the answer from then on.</summary>
/// <param name="At">The instant of the change.</param>
/// <param name="State">State from <paramref name="At"/>.</param>
/// <param name="Reason">Reason from <paramref name="At"/>.</param>
/// <param name="Name">Holiday, period or closure name from <paramref name="At"/>, or null.</param>
/// <param name="Comment">Comment from <paramref name="At"/>, or null.</param>
public sealed record ScheduleChange(Instant At, OpeningState State, ScheduleReason Reason, string? Name, string? Comment);
