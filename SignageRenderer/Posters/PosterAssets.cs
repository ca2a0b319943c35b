using MppSignage.MqttHost;
using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Output;
using Microsoft.Extensions.Logging;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>
/// Which posters this screen needs and has: from the announcement list it derives the referenced assets (kind
/// image, targeting this screen, not expired), asks for the missing ones (the MQTT client subscribes exactly
/// <see cref="Wanted"/>), stores what arrives after checking its SHA-256, evicts what nothing refers to any more,
/// and tells <see cref="SignageState"/> which posters can be drawn, so the rotation skips the others. The last
/// announcement list is kept on disk beside the posters, so after a restart without a broker the screen shows
/// the cached posters. Called from the MQTT receive handler (one message at a time) and at start.
/// </summary>
public sealed class PosterAssets
{
    /// <summary>The file, in the cache directory, holding the last announcement list received.</summary>
    public const string AnnouncementsFile = "announcements.json";

    private readonly object _gate = new();
    private readonly PosterLibrary _library;
    private readonly SignageState _state;
    private readonly string _screenId;
    private readonly int _maxAssetBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wantedChanged = new(0, 1);
    private IReadOnlyList<Announcement> _announcements = [];
    private HashSet<string> _referenced = new(StringComparer.Ordinal);
    private HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skipped = new(StringComparer.Ordinal);

    /// <summary>Creates the coordinator.</summary>
    public PosterAssets(PosterLibrary library, SignageState state, string screenId, int maxAssetBytes, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _library = library;
        _state = state;
        _screenId = screenId;
        _maxAssetBytes = maxAssetBytes;
        _time = time;
        _logger = logger;
        _library.PosterFailed += Publish;
    }

    /// <summary>The posters library (disk + decoded).</summary>
    public PosterLibrary Library => _library;

    /// <summary>The assets to subscribe to now: referenced, not on disk, not known bad.</summary>
    public IReadOnlySet<string> Wanted
    {
        get
        {
            lock (_gate)
            {
                return new HashSet<string>(_wanted, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The assets the announcements refer to now.</summary>
    public IReadOnlySet<string> Referenced
    {
        get
        {
            lock (_gate)
            {
                return new HashSet<string>(_referenced, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Completes when <see cref="Wanted"/> may have changed (or at once if it did since the last wait).</summary>
    public Task WaitForWantedChangeAsync(CancellationToken ct) => _wantedChanged.WaitAsync(ct);

    /// <summary>
    /// Loads the announcement list kept from the last run (if any) into the state, so cached posters show before
    /// any broker is reached; a damaged file is ignored (the broker's retained list replaces it anyway).
    /// </summary>
    public void LoadKeptAnnouncements()
    {
        var path = Path.Combine(_library.Disk.DirectoryPath, AnnouncementsFile);
        byte[] bytes;
        try
        {
            bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            PosterLog.CacheProblem(_logger, _library.Disk.DirectoryPath, $"cannot read {AnnouncementsFile}: {ex.Message}");
            bytes = [];
        }

        if (bytes.Length > 0)
        {
            var result = AnnouncementJson.ParseList(bytes, new OpeningHoursWhenEvaluator());
            _state.SetAnnouncements(result.Items);
            Update(result.Items, evict: false);
        }
        else
        {
            Publish();
        }
    }

    /// <summary>
    /// A new announcement list from the broker (<paramref name="payload"/> as received, kept on disk for the next
    /// start): evicts posters nothing refers to and asks for the missing ones.
    /// </summary>
    public void OnAnnouncements(IReadOnlyList<Announcement> items, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(items);
        try
        {
            AtomicFile.Write(Path.Combine(_library.Disk.DirectoryPath, AnnouncementsFile), payload);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The screen still works; only a restart without a broker would miss the list.
            PosterLog.CacheProblem(_logger, _library.Disk.DirectoryPath, $"cannot keep {AnnouncementsFile}: {ex.Message}");
        }

        Update(items, evict: true);
    }

    /// <summary>An asset message (<c>mpp/{site}/assets/{sha256}</c>): checked, stored, and the rotation told.</summary>
    public void OnAsset(string sha256, ReadOnlySpan<byte> payload)
    {
        if (payload.Length == 0)
        {
            // The controller cleared it (no announcement refers to it there): the list update evicts it here.
            return;
        }

        bool referenced;
        lock (_gate)
        {
            referenced = _referenced.Contains(sha256);
        }

        if (!referenced)
        {
            PosterLog.Dropped(_logger, sha256, "no announcement of this screen refers to it");
            return;
        }

        if (payload.Length > _maxAssetBytes)
        {
            Fail(sha256, $"{payload.Length} bytes is more than Posters:MaxAssetMegabytes allows ({_maxAssetBytes} bytes)");
            return;
        }

        if (_library.IsBad(sha256))
        {
            PosterLog.Dropped(_logger, sha256, "it did not decode before");
            return;
        }

        var result = _library.Disk.Put(sha256, payload, Referenced);
        if (!result.Stored)
        {
            Fail(sha256, result.Problem!);
            return;
        }

        // The message's buffers (one per poster, on the large object heap) are garbage now; posters arrive in a
        // burst at start, and without a compacting collection the heap would keep that burst's size for hours.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        Recompute();
    }

    private void Fail(string sha256, string reason)
    {
        PosterLog.Dropped(_logger, sha256, reason);
        // Still wanted: a correct copy may come (a resubscribe after reconnect gets the retained one again).
        Publish(reason);
    }

    private void Update(IReadOnlyList<Announcement> items, bool evict)
    {
        var now = NodaTime.Instant.FromDateTimeOffset(_time.GetUtcNow());
        var referenced = new HashSet<string>(
            items.Where(a => a.Kind == AnnouncementKind.Image && a.Image is not null && a.TargetsScreen(_screenId) && !a.IsExpiredAt(now))
                .Select(a => a.Image!.Sha256),
            StringComparer.Ordinal);
        lock (_gate)
        {
            _announcements = items;
            _referenced = referenced;
        }

        if (evict)
        {
            _library.Disk.RemoveUnreferenced(referenced);
            _library.ForgetBad(referenced);
        }

        Recompute();
    }

    private void Recompute()
    {
        HashSet<string> wanted;
        bool changed;
        lock (_gate)
        {
            wanted = new HashSet<string>(_referenced.Where(s => !_library.Disk.Contains(s) && !_library.IsBad(s)), StringComparer.Ordinal);
            changed = !wanted.SetEquals(_wanted);
            _wanted = wanted;
        }

        if (changed)
        {
            try
            {
                _wantedChanged.Release();
            }
            catch (SemaphoreFullException)
            {
                // A wake-up is already pending; one is enough.
            }
        }

        Publish();
    }

    private void Publish() => Publish(null);

    /// <summary>Tells the state which posters can be drawn, and says once per poster why one cannot.</summary>
    private void Publish(string? failure)
    {
        HashSet<string> showable;
        var skipped = new List<(string Id, string Reason)>();
        var waiting = new List<(string Id, string Sha256)>();
        lock (_gate)
        {
            showable = new HashSet<string>(_referenced.Where(_library.IsShowable), StringComparer.Ordinal);
            foreach (var a in _announcements.Where(a => a.Kind == AnnouncementKind.Image && a.Image is not null && _referenced.Contains(a.Image.Sha256)))
            {
                var sha = a.Image!.Sha256;
                if (showable.Contains(sha))
                {
                    _skipped.Remove(a.Id);
                    continue;
                }

                var bad = _library.IsBad(sha) || failure is not null;
                var reason = _library.IsBad(sha) ? $"its image {sha} does not decode"
                    : failure is not null ? $"its image {sha} was refused: {failure}"
                    : "waiting";
                if (!_skipped.TryGetValue(a.Id, out var before) || before != reason)
                {
                    _skipped[a.Id] = reason;
                    if (bad)
                    {
                        skipped.Add((a.Id, reason));
                    }
                    else
                    {
                        waiting.Add((a.Id, sha));
                    }
                }
            }
        }

        foreach (var (id, reason) in skipped)
        {
            PosterLog.Skipped(_logger, id, reason);
        }

        foreach (var (id, sha) in waiting)
        {
            PosterLog.Waiting(_logger, id, sha);
        }

        _state.SetPosters(showable);
    }
}
