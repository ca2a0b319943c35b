using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>An announcement slide (text or QR kind).</summary>
/// <param name="Kicker">Small heading above the title (<c>PENGUMUMAN</c>, <c>PENGUMUMAN DARURAT</c>).</param>
/// <param name="Title">Title.</param>
/// <param name="Body">Body, or null.</param>
/// <param name="Qr">QR code, or null.</param>
/// <param name="Emergency">Drawn in the emergency colours.</param>
public sealed record AnnouncementSlideModel(
    LocalizedText Kicker,
    LocalizedText Title,
    LocalizedText? Body,
    QrItem? Qr,
    bool Emergency) : SlideModel;
