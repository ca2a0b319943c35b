using NodaTime;

namespace MppSignage.Shared.Announcements;

/// <summary>What a screen shows at one instant.</summary>
/// <param name="Slide">The slide.</param>
/// <param name="Announcement">The announcement when the slide is one, else null.</param>
/// <param name="SlotStart">When this showing of the slide began.</param>
/// <param name="SlotEnd">When this showing ends (the next slide starts).</param>
/// <param name="ValidUntil">The first instant at which the selection may differ (slot end, an item's from/until, or the next minute when a <c>when</c> expression is involved).</param>
/// <param name="Emergency">True when an emergency announcement has taken over the screen.</param>
/// <param name="Cycle">The whole cycle the slide was picked from, in order.</param>
public sealed record SlideSelection(
    SlideRef Slide,
    Announcement? Announcement,
    Instant SlotStart,
    Instant SlotEnd,
    Instant ValidUntil,
    bool Emergency,
    IReadOnlyList<SlideRef> Cycle);
