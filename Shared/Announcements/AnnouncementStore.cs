using NodaTime;

namespace MppSignage.Shared.Announcements;

/// <summary>
/// The site's announcement list as an immutable value: upsert by id, delete, drop expired items, all
/// within <see cref="AnnouncementLimits"/>. A refused operation returns the same store, so a bad command
/// changes nothing. The controller's hub persists and republishes <see cref="Items"/> after a change.
/// </summary>
public sealed class AnnouncementStore
{
    /// <summary>A store with no announcements.</summary>
    public static readonly AnnouncementStore Empty = new([]);

    private AnnouncementStore(IReadOnlyList<Announcement> items) => Items = items;

    /// <summary>The announcements in insertion order (an upsert keeps the item's place).</summary>
    public IReadOnlyList<Announcement> Items { get; }

    /// <summary>Builds a store from a persisted or retained list; duplicates keep the first, extra items beyond the limit are dropped.</summary>
    public static AnnouncementStore From(IEnumerable<Announcement> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = new List<Announcement>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (list.Count < AnnouncementLimits.MaxCount && seen.Add(item.Id))
            {
                list.Add(item);
            }
        }

        return new AnnouncementStore(list);
    }

    /// <summary>The item with <paramref name="id"/>, or null.</summary>
    public Announcement? Find(string id) => Items.FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// Adds or replaces <paramref name="announcement"/>. Refused when it has already expired at
    /// <paramref name="now"/> or when adding it would exceed <see cref="AnnouncementLimits.MaxCount"/>
    /// (expired items are dropped first to make room), or when it would be a directory beyond
    /// <see cref="AnnouncementLimits.MaxServicesAnnouncements"/>.
    /// </summary>
    public AnnouncementStoreResult Upsert(Announcement announcement, Instant now)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        if (announcement.IsExpiredAt(now))
        {
            return new(this, new AnnouncementProblem("until", "is already in the past; the announcement would never be shown"), false);
        }

        var items = Items.Where(a => !a.IsExpiredAt(now)).ToList();
        if (announcement.Kind == AnnouncementKind.Services
            && items.Count(a => a.Kind == AnnouncementKind.Services && a.Id != announcement.Id) >= AnnouncementLimits.MaxServicesAnnouncements)
        {
            return new(this, new AnnouncementProblem("kind", $"the site already has {AnnouncementLimits.MaxServicesAnnouncements} services directories; put the agencies into one of them (a directory holds {AnnouncementLimits.MaxServiceEntries} and the screen pages it) or delete one first"), false);
        }

        var index = items.FindIndex(a => a.Id == announcement.Id);
        if (index >= 0)
        {
            items[index] = announcement;
        }
        else if (items.Count >= AnnouncementLimits.MaxCount)
        {
            return new(this, new AnnouncementProblem("id", $"the site already has {AnnouncementLimits.MaxCount} announcements; delete one first"), false);
        }
        else
        {
            items.Add(announcement);
        }

        return new(new AnnouncementStore(items), null, true);
    }

    /// <summary>Removes the item with <paramref name="id"/>; refused when there is none.</summary>
    public AnnouncementStoreResult Delete(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var index = Items.ToList().FindIndex(a => a.Id == id);
        if (index < 0)
        {
            return new(this, new AnnouncementProblem("id", $"no announcement with id '{id}'"), false);
        }

        var items = Items.ToList();
        items.RemoveAt(index);
        return new(new AnnouncementStore(items), null, true);
    }

    /// <summary>Drops items whose <c>until</c> has passed at <paramref name="now"/>.</summary>
    public AnnouncementStoreResult RemoveExpired(Instant now)
    {
        var items = Items.Where(a => !a.IsExpiredAt(now)).ToList();
        return items.Count == Items.Count
            ? new(this, null, false)
            : new(new AnnouncementStore(items), null, true);
    }

    /// <summary>The earliest <c>until</c> after <paramref name="now"/>, when the hub should drop an item; null if none.</summary>
    public Instant? NextExpiry(Instant now) =>
        Items.Where(a => a.Until is not null && a.Until.Value.ToInstant() > now)
             .Select(a => (Instant?)a.Until!.Value.ToInstant())
             .Min();
}
