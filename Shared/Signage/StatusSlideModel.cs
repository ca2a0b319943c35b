using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>The status slide: <c>BUKA</c>/<c>TUTUP</c> and what follows from it.</summary>
/// <param name="Tone">Colour scheme.</param>
/// <param name="Headline">The very large word (<c>BUKA</c>, <c>TUTUP</c>).</param>
/// <param name="Primary">The main line: countdown, today's hours, or the next opening; null if none.</param>
/// <param name="Details">Further lines: holiday or period name, override reason, today's hours.</param>
/// <param name="Notice">A warning shown prominently (e.g. time not synchronised), or null.</param>
public sealed record StatusSlideModel(
    StatusTone Tone,
    LocalizedText Headline,
    LocalizedText? Primary,
    EquatableList<LocalizedText> Details,
    LocalizedText? Notice) : SlideModel;
