using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.MqttHost;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using NodaTime;

namespace MppSignage.Controller.Announcements;

/// <summary>
/// The site's announcement list, kept by the controller: applies upserts and deletes through the pure
/// <see cref="AnnouncementStore"/>, persists the list atomically in <c>State:Directory/announcements.json</c>
/// before acknowledging, and republishes it retained on <c>mpp/{site}/announcements</c> (also after every
/// reconnect, through the outbox). Expired items are dropped at their <c>until</c>.
/// </summary>
internal sealed class AnnouncementHub : BackgroundService
{
    /// <summary>File name in the state directory.</summary>
    public const string FileName = "announcements.json";

    private readonly object _gate = new();
    private readonly string _path;
    private readonly TopicsProvider _topics;
    private readonly ControllerOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly WakeUp _wake;
    private readonly ILogger<AnnouncementHub> _logger;
    private readonly DateTimeZone _zone;
    private AnnouncementStore _store;

    public AnnouncementHub(IOptions<StateOptions> state, IOptions<SiteOptions> site, TopicsProvider topics, ControllerOutbox outbox, TimeProvider time, ILogger<AnnouncementHub> logger)
    {
        _path = Path.Combine(state.Value.Directory, FileName);
        _topics = topics;
        _outbox = outbox;
        _time = time;
        _wake = new WakeUp(time);
        _logger = logger;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(site.Value.TimeZone) ?? DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        _store = Load();
        Publish(_store);
    }

    /// <summary>Raised after the list changed (upsert, delete, expiry), outside the hub's lock: the asset store collects then.</summary>
    public event Action? Changed;

    /// <summary>The announcements in force.</summary>
    public IReadOnlyList<Announcement> Items
    {
        get
        {
            lock (_gate)
            {
                return _store.Items;
            }
        }
    }

    /// <summary>Adds or replaces an announcement; the answer to the command.</summary>
    public CommandResult Upsert(Announcement announcement, string by)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return Apply(store => store.Upsert(announcement, Now()), announcement.Id, "set", by);
    }

    /// <summary>Deletes an announcement; the answer to the command.</summary>
    public CommandResult Delete(string id, string by)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Apply(store => store.Delete(id), id, "deleted", by);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = Now();
            RemoveExpired(now);
            Instant? next;
            lock (_gate)
            {
                next = _store.NextExpiry(now);
            }

            // Sleep until the next item expires (at most an hour, which also catches clock jumps), or a change.
            await _wake.WaitAsync(next, now, stoppingToken).ConfigureAwait(false);
        }
    }

    private CommandResult Apply(Func<AnnouncementStore, AnnouncementStoreResult> operation, string id, string action, string by)
    {
        AnnouncementStore updated;
        lock (_gate)
        {
            var result = operation(_store);
            if (!result.Ok)
            {
                return CommandResult.Refused(result.Problem!.Field, result.Problem.Reason);
            }

            if (!Save(result.Store))
            {
                return CommandResult.Refused(null, "the announcement could not be saved on the controller (disk full or read-only?); nothing changed");
            }

            _store = updated = result.Store;
        }

        AnnouncementLog.Changed(_logger, id, action, by, updated.Items.Count);
        Publish(updated);
        _wake.Signal();
        Changed?.Invoke();
        return CommandResult.Success;
    }

    private void RemoveExpired(Instant now)
    {
        AnnouncementStore updated;
        IEnumerable<string> gone;
        lock (_gate)
        {
            var result = _store.RemoveExpired(now);
            if (!result.Changed)
            {
                return;
            }

            gone = _store.Items.Where(a => a.IsExpiredAt(now)).Select(a => a.Id).ToList();
            // Screens already drop expired items on time; if saving fails the list is tidied at the next try.
            if (!Save(result.Store))
            {
                return;
            }

            _store = updated = result.Store;
        }

        AnnouncementLog.Expired(_logger, string.Join(", ", gone));
        Publish(updated);
        Changed?.Invoke();
    }

    private bool Save(AnnouncementStore store)
    {
        try
        {
            AtomicFile.Write(_path, AnnouncementJson.SerializeList(store.Items, Now().InZone(_zone).ToOffsetDateTime()));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            AnnouncementLog.SaveFailed(_logger, _path, ex.Message);
            return false;
        }
    }

    private void Publish(AnnouncementStore store) =>
        _outbox.SetRetained(_topics.Topics.Announcements, AnnouncementJson.SerializeList(store.Items, Now().InZone(_zone).ToOffsetDateTime()));

    private AnnouncementStore Load()
    {
        if (!File.Exists(_path))
        {
            return AnnouncementStore.Empty;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            AnnouncementLog.Corrupt(_logger, _path, ex.Message, "(left in place)");
            return AnnouncementStore.Empty;
        }

        var parsed = AnnouncementJson.ParseList(bytes, new OpeningHoursWhenEvaluator());
        if (parsed.Problems.Any(p => p.Field is "$" or "items"))
        {
            // Unreadable as a whole: keep it for a human to look at, start empty rather than not at all.
            var aside = _path + ".corrupt";
            try
            {
                File.Move(_path, aside, overwrite: true);
            }
            catch (IOException)
            {
                aside = "(could not be moved)";
            }

            AnnouncementLog.Corrupt(_logger, _path, parsed.Problems[0].ToString(), aside);
            return AnnouncementStore.Empty;
        }

        foreach (var p in parsed.Problems)
        {
            AnnouncementLog.BadItem(_logger, p.Field, p.Reason);
        }

        var store = AnnouncementStore.From(parsed.Items).RemoveExpired(Now()).Store;
        AnnouncementLog.Loaded(_logger, store.Items.Count, _path);
        return store;
    }

    private Instant Now() => Instant.FromDateTimeOffset(_time.GetUtcNow());
}
