using NodaTime;

namespace MppSignage.Shared.Holidays;

/// <summary>One holiday or collective-leave day.</summary>
/// <param name="Date">The (site-local) day.</param>
/// <param name="Kind"><c>libur-nasional</c>, <c>cuti-bersama</c> or a declared local kind (see <see cref="HolidayKinds"/>).</param>
/// <param name="Name">What is celebrated, e.g. <c>Hari Raya Idul Adha 1445 Hijriah</c>.</param>
/// <param name="Source">The decree that set the day (e.g. <c>SKB 855/2023; 3/2023; 4/2023</c>), or null.</param>
public sealed record Holiday(LocalDate Date, string Kind, string Name, string? Source);
