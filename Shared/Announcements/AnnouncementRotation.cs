using NodaTime;

namespace MppSignage.Shared.Announcements;

/// <summary>
/// Decides what a screen shows at an instant: a pure function of (announcements, screen, instant,
/// settings), so every screen of a site that has the same list shows the same slide at the same time
/// and a restart picks up exactly where the rotation is.
/// </summary>
/// <remarks>
/// <para>An item is eligible at <c>t</c> when it targets the screen (or every screen), <c>from ≤ t &lt; until</c>,
/// and its <c>when</c> expression (if any) is open at <c>t</c> in the site's zone.</para>
/// <para>While any emergency item is eligible, the cycle is the eligible emergency items only (take-over).
/// Otherwise the other slides are, in order: hours, high items, QR, normal items, high items again (so
/// high items are shown twice per cycle); a services directory longer than
/// <see cref="RotationSettings.ServicesPerPage"/> entries takes one slide per page, in page order; the status slide is put before every
/// <see cref="RotationSettings.StatusEvery"/> of them, because "is it open" is the question at the door.</para>
/// <para>The cycle is anchored at the Unix epoch: the slot at <c>t</c> is <c>t mod cycle length</c>. When the
/// eligible set changes (an item is added, starts or expires) the cycle changes at once, so an expired item
/// leaves the screen at its <c>until</c> and an emergency takes over at its <c>from</c>.</para>
/// </remarks>
public static class AnnouncementRotation
{
    /// <summary>The items eligible on <paramref name="screenId"/> at <paramref name="instant"/>, in list order.</summary>
    /// <param name="items">All announcements of the site.</param>
    /// <param name="screenId">The screen.</param>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The site's zone, for <c>when</c> expressions.</param>
    /// <param name="when">Evaluates <c>when</c> expressions; when null, items with an expression are shown regardless.</param>
    public static IReadOnlyList<Announcement> Eligible(IReadOnlyList<Announcement> items, string screenId, Instant instant, DateTimeZone zone, IWhenEvaluator? when)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(screenId);
        ArgumentNullException.ThrowIfNull(zone);
        LocalDateTime? local = null;
        var result = new List<Announcement>();
        foreach (var a in items)
        {
            if (!a.TargetsScreen(screenId) || !a.IsValidAt(instant))
            {
                continue;
            }

            if (a.When is not null && when is not null)
            {
                local ??= instant.InZone(zone).LocalDateTime;
                if (!when.IsOpen(a.When, local.Value))
                {
                    continue;
                }
            }

            result.Add(a);
        }

        return result;
    }

    /// <summary>Builds the cycle for the <paramref name="eligible"/> items: each slide with its duration in seconds.</summary>
    public static IReadOnlyList<(SlideRef Slide, Announcement? Announcement, int Seconds)> BuildCycle(
        IReadOnlyList<Announcement> eligible, RotationSettings settings, out bool emergency)
    {
        ArgumentNullException.ThrowIfNull(eligible);
        ArgumentNullException.ThrowIfNull(settings);
        var slots = new List<(SlideRef, Announcement?, int)>();
        var emergencies = eligible.Where(a => a.Priority == AnnouncementPriority.Emergency).ToList();
        emergency = emergencies.Count > 0;
        if (emergency)
        {
            foreach (var a in emergencies)
            {
                slots.AddRange(Slides(a, settings));
            }

            return slots;
        }

        var high = eligible.Where(a => a.Priority == AnnouncementPriority.High).ToList();
        var normal = eligible.Where(a => a.Priority == AnnouncementPriority.Normal).ToList();
        var others = new List<(SlideRef, Announcement?, int)>();
        if (settings.ShowHours)
        {
            others.Add((SlideRef.Hours, null, settings.HoursSeconds));
        }

        others.AddRange(high.SelectMany(a => Slides(a, settings)));
        if (settings.ShowQr)
        {
            others.Add((SlideRef.Qr, null, settings.QrSeconds));
        }

        others.AddRange(normal.SelectMany(a => Slides(a, settings)));
        others.AddRange(high.SelectMany(a => Slides(a, settings)));

        var every = Math.Max(1, settings.StatusEvery);
        if (others.Count == 0)
        {
            slots.Add((SlideRef.Status, null, settings.StatusSeconds));
        }

        for (var i = 0; i < others.Count; i++)
        {
            if (i % every == 0)
            {
                slots.Add((SlideRef.Status, null, settings.StatusSeconds));
            }

            slots.Add(others[i]);
        }

        return slots;
    }

    /// <summary>The slides of one item: one, or one per page of a services directory (each for the item's seconds).</summary>
    private static IEnumerable<(SlideRef Slide, Announcement? Announcement, int Seconds)> Slides(Announcement a, RotationSettings settings)
    {
        var pages = settings.PagesOf(a);
        for (var page = 0; page < pages; page++)
        {
            yield return (SlideRef.ForAnnouncement(a.Id, page), a, a.Seconds);
        }
    }

    /// <summary>What <paramref name="screenId"/> shows at <paramref name="instant"/>.</summary>
    public static SlideSelection Select(
        IReadOnlyList<Announcement> items,
        string screenId,
        Instant instant,
        DateTimeZone zone,
        IWhenEvaluator? when,
        RotationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var eligible = Eligible(items, screenId, instant, zone, when);
        var cycle = BuildCycle(eligible, settings, out var emergency);

        var totalTicks = cycle.Sum(s => Math.Max(1, s.Seconds) * NodaConstants.TicksPerSecond);
        var ticks = instant.ToUnixTimeTicks();
        var position = ((ticks % totalTicks) + totalTicks) % totalTicks;
        var offset = 0L;
        var index = 0;
        for (; index < cycle.Count; index++)
        {
            var length = Math.Max(1, cycle[index].Seconds) * NodaConstants.TicksPerSecond;
            if (position < offset + length)
            {
                break;
            }

            offset += length;
        }

        var slot = cycle[index];
        var slotStart = Instant.FromUnixTimeTicks(ticks - (position - offset));
        var slotEnd = slotStart + Duration.FromSeconds(Math.Max(1, slot.Seconds));

        // A one-slide cycle never changes by itself: only a from/until (or a when expression) can change it.
        var validUntil = cycle.Count == 1 ? instant + Duration.FromDays(1) : slotEnd;
        foreach (var a in items)
        {
            if (!a.TargetsScreen(screenId))
            {
                continue;
            }

            if (a.From is { } from && from.ToInstant() > instant && from.ToInstant() < validUntil)
            {
                validUntil = from.ToInstant();
            }

            if (a.Until is { } until && until.ToInstant() > instant && until.ToInstant() < validUntil)
            {
                validUntil = until.ToInstant();
            }

            if (a.When is not null && when is not null)
            {
                // opening_hours has minute resolution, so re-checking at each minute boundary is exact.
                var nextMinute = Instant.FromUnixTimeTicks(((ticks / NodaConstants.TicksPerMinute) + 1) * NodaConstants.TicksPerMinute);
                if (nextMinute < validUntil)
                {
                    validUntil = nextMinute;
                }
            }
        }

        return new SlideSelection(
            slot.Slide,
            slot.Announcement,
            slotStart,
            slotEnd,
            validUntil,
            emergency,
            cycle.Select(s => s.Slide).ToList());
    }
}
