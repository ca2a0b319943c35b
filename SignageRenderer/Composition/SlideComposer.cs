using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Options;
using Microsoft.Extensions.Options;
using NodaTime;
using SiteSchedule = MppSignage.Shared.Schedule.Schedule;

namespace MppSignage.SignageRenderer.Composition;

/// <summary>
/// Decides what the screen shows at an instant: picks the slide with the rotation, builds its model and
/// the footer, and says when to look again. A pure function of (options, snapshot, instant); the render
/// loop and the preview CLI both use it.
/// </summary>
public sealed class SlideComposer
{
    private readonly SignageOptions _options;
    private readonly DateTimeZone _zone;
    private readonly string? _siteName;
    private SiteSchedule? _whenSchedule;
    private IWhenEvaluator _when = new OpeningHoursWhenEvaluator();

    /// <summary>Creates a composer for validated <paramref name="options"/>.</summary>
    public SlideComposer(IOptions<SignageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _zone = _options.Site.Zone() ?? throw new ArgumentException("Site:TimeZone is invalid: validate the options (SignageOptionsValidator) first.", nameof(options));
        _siteName = _options.Site.HeaderName();
    }

    /// <summary>Directory entries per services slide, from the screen's layout (<see cref="Layout.FrameLayouter.ServicesPerPage"/>).</summary>
    public int ServicesPerPage { get; init; } = AnnouncementLimits.MaxServicesPerPage;

    /// <summary>The site zone for a snapshot: the schedule's, else the status's, else the configured one.</summary>
    public DateTimeZone ZoneOf(SignageSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Schedule is not null)
        {
            return snapshot.Schedule.Zone;
        }

        return snapshot.Status?.TimeZone is { } id && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone ? zone : _zone;
    }

    /// <summary>The rotation's answer and the models for <paramref name="now"/>.</summary>
    /// <param name="snapshot">What the renderer knows.</param>
    /// <param name="now">The instant.</param>
    /// <param name="startedAt">
    /// When the screen started showing (the render loop's first frame), or null for a preview. From then the
    /// status slide stays on screen for its full time and until the rotation's next slot boundary, so the
    /// retained state arriving in the first second (schedule, announcements, each changing the cycle) does
    /// not flash slides past the visitor; only an emergency takes over earlier.
    /// </param>
    public ComposedFrame Compose(SignageSnapshot snapshot, Instant now, Instant? startedAt = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var zone = ZoneOf(snapshot);
        var selection = Select(snapshot, now, zone);
        if (startedAt is { } start && !selection.Emergency && selection.Slide != SlideRef.Status && FirstSlideEnd(snapshot, start, zone) is var holdEnd && now < holdEnd)
        {
            selection = new SlideSelection(SlideRef.Status, null, start, holdEnd, Min(holdEnd, selection.ValidUntil), false, selection.Cycle);
        }

        var slide = BuildSlide(selection.Slide, snapshot, now) ?? new SignageSlides(zone).Status(snapshot.Status, now);
        var (footer, stale, staleAt) = Footer(snapshot, now);

        var nextMinute = Instant.FromUnixTimeTicks(((now.ToUnixTimeTicks() / NodaConstants.TicksPerMinute) + 1) * NodaConstants.TicksPerMinute);
        var wake = Min(selection.ValidUntil, nextMinute);
        if (staleAt is { } s && s > now)
        {
            wake = Min(wake, s);
        }

        return new ComposedFrame(slide, footer, _siteName, selection, wake, stale);
    }

    /// <summary>
    /// The end of the first slide after <paramref name="start"/>: its full status time, then on to the slot
    /// boundary of the rotation so the slide after it is shown whole too.
    /// </summary>
    public Instant FirstSlideEnd(SignageSnapshot snapshot, Instant start, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var full = start + Duration.FromSeconds(Math.Max(1, _options.Rotation.StatusSeconds));
        var then = Select(snapshot, full, zone);
        return then.SlotStart == full || then.Slide == SlideRef.Status ? full : then.SlotEnd;
    }

    private SlideSelection Select(SignageSnapshot snapshot, Instant now, DateTimeZone zone)
    {
        var qr = SignageSlides.Qr(SignageOptions.Text(_options.Qr.WhatsAppNumber), SignageOptions.Text(_options.Qr.ReviewUrl));
        var rotation = _options.Rotation.Settings() with
        {
            ShowHours = _options.Rotation.ShowHours && snapshot.Schedule is not null,
            ShowQr = _options.Rotation.ShowQr && qr is not null,
            ServicesPerPage = ServicesPerPage,
        };
        return AnnouncementRotation.Select(Showable(snapshot), _options.Screen.ScreenId(), now, zone, WhenFor(snapshot.Schedule), rotation);
    }

    /// <summary>The announcements the rotation may pick: a poster only once its asset is here and decodes (the rest go on without it).</summary>
    private static IReadOnlyList<Announcement> Showable(SignageSnapshot snapshot)
    {
        if (snapshot.Posters is not { } posters || !snapshot.Announcements.Any(a => a.Kind == AnnouncementKind.Image))
        {
            return snapshot.Announcements;
        }

        return [.. snapshot.Announcements.Where(a => a.Kind != AnnouncementKind.Image || (a.Image is { } image && posters.Contains(image.Sha256)))];
    }

    /// <summary>The model of <paramref name="slide"/> at <paramref name="now"/>; null when it cannot be shown (no schedule, no QR configured, unknown announcement).</summary>
    public SlideModel? BuildSlide(SlideRef slide, SignageSnapshot snapshot, Instant now)
    {
        ArgumentNullException.ThrowIfNull(slide);
        ArgumentNullException.ThrowIfNull(snapshot);
        var words = new SignageSlides(ZoneOf(snapshot));
        return slide.Kind switch
        {
            SlideKind.Status => words.Status(snapshot.Status, now),
            SlideKind.Hours => snapshot.Schedule is null ? null : words.Hours(snapshot.Schedule, now),
            SlideKind.Qr => SignageSlides.Qr(SignageOptions.Text(_options.Qr.WhatsAppNumber), SignageOptions.Text(_options.Qr.ReviewUrl)),
            SlideKind.Announcement => snapshot.Announcements.FirstOrDefault(a => a.Id == slide.AnnouncementId) is { } a ? SignageSlides.Announcement(a, slide.Page, ServicesPerPage) : null,
            _ => null,
        };
    }

    /// <summary>The footer at <paramref name="now"/>, whether it carries the stale badge, and when it will (if later).</summary>
    public (FooterModel Footer, bool Stale, Instant? StaleAt) Footer(SignageSnapshot snapshot, Instant now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var words = new SignageSlides(ZoneOf(snapshot));
        Instant? staleAt = snapshot.UnavailableSince is { } since ? since + Duration.FromTimeSpan(_options.Display.StaleAfter) : null;
        var stale = staleAt is { } at && now >= at;
        return (words.Footer(now, stale ? snapshot.UnavailableSince : null, _siteName), stale, staleAt);
    }

    private IWhenEvaluator WhenFor(SiteSchedule? schedule)
    {
        // PH in a "when" expression follows the site's holiday table once a schedule is known.
        if (!ReferenceEquals(schedule, _whenSchedule))
        {
            _whenSchedule = schedule;
            _when = new OpeningHoursWhenEvaluator(schedule?.Holidays);
        }

        return _when;
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
