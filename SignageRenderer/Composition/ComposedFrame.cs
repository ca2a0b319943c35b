using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using NodaTime;

namespace MppSignage.SignageRenderer.Composition;

/// <summary>What to draw at an instant and when to look again.</summary>
/// <param name="Slide">The slide model.</param>
/// <param name="Footer">The footer model.</param>
/// <param name="Header">The header text, or null.</param>
/// <param name="Selection">The rotation's answer.</param>
/// <param name="WakeAt">The next instant at which the frame may change (slot end, minute, stale deadline).</param>
/// <param name="Stale">True when the stale badge is shown.</param>
public sealed record ComposedFrame(SlideModel Slide, FooterModel Footer, string? Header, SlideSelection Selection, Instant WakeAt, bool Stale);
