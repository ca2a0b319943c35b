using MppSignage.Shared.Announcements;
using MppSignage.TestSupport;
using NodaTime;

namespace MppSignage.Shared.Tests.Announcements;

/// <summary>Small builders for readable announcement tests.</summary>
internal static class TestAnnouncements
{
    public static readonly DateTimeZone Jakarta = Time.Jakarta;

    /// <summary>A Jakarta wall-clock time as an instant (the announcement tests' name for <see cref="Time.J"/>).</summary>
    public static Instant At(int y, int mo, int d, int h, int mi, int s = 0) => Time.J(y, mo, d, h, mi, s);

    public static OffsetDateTime Off(int y, int mo, int d, int h, int mi) =>
        new LocalDateTime(y, mo, d, h, mi).WithOffset(Offset.FromHours(7));

    public static Announcement Text(
        string id,
        AnnouncementPriority priority = AnnouncementPriority.Normal,
        OffsetDateTime? from = null,
        OffsetDateTime? until = null,
        int seconds = 10,
        string[]? screens = null,
        string? when = null) => new()
        {
            Id = id,
            Kind = AnnouncementKind.Text,
            Title = new LocalizedText("Judul " + id),
            Priority = priority,
            From = from,
            Until = until,
            Seconds = seconds,
            Screens = screens ?? [],
            When = when,
        };
}
