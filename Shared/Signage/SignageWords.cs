using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>
/// The fixed phrases of the signage slides (titles, labels, notices), Indonesian with English. Times,
/// dates, day names and the hours/countdown phrases come from <see cref="Wording.Phrasebook"/>; only words
/// that exist nowhere else live here.
/// </summary>
public static class SignageWords
{
    /// <summary>Hours slide title.</summary>
    public static readonly LocalizedText HoursTitle = new("Jam Layanan", "Opening hours");

    /// <summary>Heading of the upcoming closures.</summary>
    public static readonly LocalizedText HolidaysTitle = new("Hari libur mendatang", "Upcoming holidays");

    /// <summary>Before the decree reference.</summary>
    public static readonly LocalizedText SourcePrefix = new("Dasar", "Source");

    /// <summary>Before today's hours.</summary>
    public static readonly LocalizedText Today = new("Hari ini", "Today");

    /// <summary>Before the closing time when it is not yet the last hour.</summary>
    public static readonly LocalizedText OpenUntil = new("Buka hingga", "Open until");

    /// <summary>English line under a holiday's (Indonesian) name on the status slide.</summary>
    public const string PublicHolidayEn = "Public holiday";

    /// <summary>English line under a special period's name on the status slide.</summary>
    public const string SpecialHoursEn = "Special opening hours";

    /// <summary>English line under a one-off closure's reason on the status slide.</summary>
    public const string ClosureEn = "One-off closure";

    /// <summary>Before the override reason.</summary>
    public static readonly LocalizedText SetByStaff = new("Diatur petugas", "Set by staff");

    /// <summary>The clock-unsynchronised notice.</summary>
    public static readonly LocalizedText ClockUnsynchronised = new("Waktu belum tersinkron, status belum pasti", "Time not synchronised, status not certain");

    /// <summary>The schedule-unavailable notice.</summary>
    public static readonly LocalizedText ScheduleUnavailable = new("Jadwal tidak tersedia", "Schedule unavailable");

    /// <summary>Primary line before any status was received.</summary>
    public static readonly LocalizedText WaitingForStatus = new("Menunggu status dari pengendali pintu", "Waiting for the door controller");

    /// <summary>Stale badge, before the time since when.</summary>
    public static readonly LocalizedText MaybeOutdated = new("Informasi mungkin tidak terbaru", "Information may be out of date");

    /// <summary>Word before the time in the stale badge.</summary>
    public static readonly LocalizedText Since = new("sejak", "since");

    /// <summary>Kicker of an announcement.</summary>
    public static readonly LocalizedText Announcement = new("PENGUMUMAN", "ANNOUNCEMENT");

    /// <summary>Kicker of an emergency announcement.</summary>
    public static readonly LocalizedText EmergencyAnnouncement = new("PENGUMUMAN DARURAT", "EMERGENCY NOTICE");

    /// <summary>Label before a directory entry's services.</summary>
    public static readonly LocalizedText Services = new("Layanan", "Services");

    /// <summary>Label before a directory entry's requirements.</summary>
    public static readonly LocalizedText Requirements = new("Persyaratan", "Requirements");

    /// <summary>QR slide title.</summary>
    public static readonly LocalizedText QrTitle = new("Hubungi kami & beri ulasan", "Contact us & leave a review");

    /// <summary>Label of the WhatsApp code (the hall's brand name for its single number).</summary>
    public const string WhatsAppLabel = "WA SMART MPP";

    /// <summary>Caption of the WhatsApp code (the number follows).</summary>
    public static readonly LocalizedText WhatsAppCaption = new("Tanya lewat WhatsApp", "Ask us on WhatsApp");

    /// <summary>Label of the review code.</summary>
    public const string ReviewLabel = "Ulasan Google";

    /// <summary>Caption of the review code.</summary>
    public static readonly LocalizedText ReviewCaption = new("Bagaimana pelayanan kami? Beri ulasan", "How did we do? Leave a review");
}
