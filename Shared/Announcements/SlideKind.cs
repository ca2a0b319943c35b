namespace MppSignage.Shared.Announcements;

/// <summary>The kinds of slide in a screen's rotation.</summary>
public enum SlideKind
{
    /// <summary>Open/closed, today's hours, countdown or next opening.</summary>
    Status,

    /// <summary>The week's hours, upcoming holidays, decree.</summary>
    Hours,

    /// <summary>The site's WhatsApp and review QR codes.</summary>
    Qr,

    /// <summary>An admin-pushed announcement (text, QR or services page).</summary>
    Announcement,
}
