using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Announcements;
using MppSignage.Controller.Door;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.Imaging;
using MppSignage.MqttHost;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.Controller.Assets;

/// <summary>One kept asset.</summary>
/// <param name="Sha256">Its id, the SHA-256 of <see cref="Bytes"/>.</param>
/// <param name="Path">Its file, <c>State:Directory/assets/&lt;sha256&gt;.jpg|png</c>.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="UnusedSince">Since when no announcement refers to it (null while one does); also the file's mtime.</param>
/// <param name="EverUsed">True once an announcement referred to it in this run (for the removal's wording).</param>
internal sealed record KeptAsset(string Sha256, string Path, long Bytes, Instant? UnusedSince, bool EverUsed);

/// <summary>
/// The controller's posters: uploads are processed (<see cref="ImageProcessor"/>), bounded by <see cref="AssetOptions"/>,
/// written through the one <see cref="DiskThread"/> (temp file, fsync, rename) as <c>assets/&lt;sha256&gt;.jpg|png</c>
/// before the answer, and published retained on <c>mpp/{site}/assets/{sha256}</c> (again at every start and
/// reconnect, through the outbox). An asset no announcement refers to is removed after <c>Assets:GraceMinutes</c>
/// (counted on the TimeProvider from its upload, or from when its last announcement went; the file's mtime keeps
/// that instant across restarts), its retained message cleared and the reason journalled.
/// </summary>
internal sealed class AssetStore : BackgroundService
{
    /// <summary>The folder in the state directory.</summary>
    public const string DirectoryName = "assets";

    private readonly object _gate = new();
    private readonly SemaphoreSlim _puts = new(1, 1);
    private readonly Dictionary<string, KeptAsset> _assets = new(StringComparer.Ordinal);
    private readonly AssetOptions _options;
    private readonly ImageProcessingOptions _processing;
    private readonly TopicsProvider _topics;
    private readonly ControllerOutbox _outbox;
    private readonly AnnouncementHub _hub;
    private readonly DiskThread _disk;
    private readonly Auditor _auditor;
    private readonly TimeProvider _time;
    private readonly WakeUp _wake;
    private readonly DateTimeZone _zone;
    private readonly ILogger<AssetStore> _logger;

    public AssetStore(
        IOptions<AssetOptions> options,
        IOptions<StateOptions> state,
        IOptions<SiteOptions> site,
        TopicsProvider topics,
        ControllerOutbox outbox,
        AnnouncementHub hub,
        DiskThread disk,
        Auditor auditor,
        TimeProvider time,
        ILogger<AssetStore> logger)
    {
        _options = options.Value;
        _processing = new ImageProcessingOptions(_options.ScreenWidth, _options.ScreenHeight, _options.JpegQuality, new ImageLimits(MaxDecodePixels: _options.MaxDecodePixels));
        Directory = Path.Combine(Path.GetFullPath(state.Value.Directory), DirectoryName);
        _topics = topics;
        _outbox = outbox;
        _hub = hub;
        _disk = disk;
        _auditor = auditor;
        _time = time;
        _wake = new WakeUp(time);
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(site.Value.TimeZone) ?? DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        _logger = logger;
        Load();
        _hub.Changed += _wake.Signal;
    }

    /// <summary>The folder of the asset files (absolute).</summary>
    public string Directory { get; }

    /// <summary>The kept assets, by id.</summary>
    public IReadOnlyList<KeptAsset> Items
    {
        get
        {
            lock (_gate)
            {
                return [.. _assets.Values.OrderBy(a => a.Sha256, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>True when <paramref name="sha256"/> is kept.</summary>
    public bool Contains(string sha256)
    {
        lock (_gate)
        {
            return _assets.ContainsKey(sha256);
        }
    }

    /// <summary>
    /// Processes and keeps one upload; the answer to <c>uploads/put</c>. Uploads are handled one at a time (each may
    /// hold a decode buffer of up to <c>Assets:MaxDecodePixels</c>).
    /// </summary>
    public async Task<CommandResult> PutAsync(ReadOnlyMemory<byte> upload, string by)
    {
        if (upload.Length > _options.MaxUploadBytes)
        {
            return CommandResult.Refused("payload", $"the upload is {upload.Length} bytes; Assets:MaxUploadBytes is {_options.MaxUploadBytes}; export the poster smaller (JPEG quality 85 at 1920 pixels is plenty)");
        }

        await _puts.WaitAsync().ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            var processed = ImageProcessor.Process(upload.Span, _processing);
            var processedAt = _time.GetTimestamp();
            if (processed.Image is not { } image)
            {
                return CommandResult.Refused(processed.Refusal!.Field, processed.Refusal.Reason);
            }

            if (image.Bytes.Length > _options.MaxAssetBytes)
            {
                return CommandResult.Refused("image", $"after processing ({image.Width}×{image.Height}) the poster is {image.Bytes.Length} bytes; Assets:MaxAssetBytes is {_options.MaxAssetBytes}; a poster with less fine detail or noise compresses better");
            }

            var now = Now();
            var path = Path.Combine(Directory, image.Sha256 + image.Extension);
            lock (_gate)
            {
                if (_assets.TryGetValue(image.Sha256, out var existing))
                {
                    if (existing.UnusedSince is not null)
                    {
                        // Uploaded again while unused: the grace period starts again.
                        _assets[image.Sha256] = existing with { UnusedSince = now };
                        _ = _disk.RunBackgroundAsync(() => Touch(existing.Path, now));
                    }

                    return Answer(image, "already kept; " + image.Note);
                }

                if (_assets.Count >= _options.MaxCount)
                {
                    return CommandResult.Refused("assets", $"{_assets.Count} assets are kept; Assets:MaxCount is {_options.MaxCount}; delete announcements whose posters are no longer shown (their posters go after Assets:GraceMinutes = {_options.GraceMinutes})");
                }

                var total = _assets.Values.Sum(a => a.Bytes);
                if (total + image.Bytes.Length > _options.MaxTotalBytes)
                {
                    return CommandResult.Refused("assets", $"the kept assets take {total} bytes and this one {image.Bytes.Length}; Assets:MaxTotalBytes is {_options.MaxTotalBytes}; delete announcements whose posters are no longer shown");
                }
            }

            try
            {
                await _disk.RunAsync(() =>
                {
                    AtomicFile.Write(path, image.Bytes);
                    Touch(path, now);
                }).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                AssetLog.DiskFailed(_logger, Directory, ex.Message);
                return CommandResult.Refused(null, $"the asset could not be saved in {Directory} ({ex.Message}); nothing changed");
            }

            lock (_gate)
            {
                _assets[image.Sha256] = new KeptAsset(image.Sha256, path, image.Bytes.Length, now, EverUsed: false);
            }

            _outbox.SetRetained(_topics.Topics.Asset(image.Sha256), image.Bytes);
            AssetLog.Stored(_logger, image.Sha256, by, image.Width, image.Height, image.Bytes.Length, image.Note,
                _time.GetElapsedTime(started, processedAt).TotalMilliseconds, _time.GetElapsedTime(processedAt).TotalMilliseconds);
            _wake.Signal();
            return Answer(image, image.Note);
        }
        finally
        {
            _puts.Release();
        }
    }

    /// <summary>
    /// Applies <paramref name="upsert"/> for an announcement only when the asset it names is kept, atomically with
    /// garbage collection (an asset cannot go between the check and the upsert); other kinds pass straight through.
    /// </summary>
    public CommandResult Upsert(Announcement announcement, Func<CommandResult> upsert)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        ArgumentNullException.ThrowIfNull(upsert);
        if (announcement.Image is not { } image)
        {
            return upsert();
        }

        lock (_gate)
        {
            if (!_assets.TryGetValue(image.Sha256, out var asset))
            {
                return CommandResult.Refused("image.sha256", $"no asset {image.Sha256} is kept on this controller; upload it first (mpp/{_topics.Topics.SiteId}/uploads/put, or announce add --image FILE, which uploads and then publishes)");
            }

            var result = upsert();
            if (result.Ok)
            {
                _assets[image.Sha256] = asset with { UnusedSince = null, EverUsed = true };
            }

            return result;
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = await CollectAsync().ConfigureAwait(false);
            var now = Now();
            await _wake.WaitAsync(next, now, stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One garbage-collection pass at the TimeProvider's now: marks assets that lost their last announcement, removes
    /// those unused for the grace period (file, retained message; an <c>asset-removed</c> event and journal line say
    /// why). Returns when the next one falls due, or null.
    /// </summary>
    internal async Task<Instant?> CollectAsync()
    {
        var now = Now();
        var grace = Duration.FromMinutes(_options.GraceMinutes);
        var used = _hub.Items.Where(a => a.Image is not null).Select(a => a.Image!.Sha256).ToHashSet(StringComparer.Ordinal);
        var gone = new List<(KeptAsset Asset, string Why)>();
        Instant? next = null;
        lock (_gate)
        {
            foreach (var asset in _assets.Values.ToList())
            {
                if (used.Contains(asset.Sha256))
                {
                    if (asset.UnusedSince is not null)
                    {
                        _assets[asset.Sha256] = asset with { UnusedSince = null, EverUsed = true };
                    }

                    continue;
                }

                if (asset.UnusedSince is not { } since)
                {
                    // Its last announcement was just deleted or expired: the grace period starts now.
                    _assets[asset.Sha256] = asset with { UnusedSince = now };
                    _ = _disk.RunBackgroundAsync(() => Touch(asset.Path, now));
                    next = Earlier(next, now + grace);
                    continue;
                }

                if (now - since < grace)
                {
                    next = Earlier(next, since + grace);
                    continue;
                }

                _assets.Remove(asset.Sha256);
                var at = IsoTime.Format(since, _zone);
                gone.Add((asset, asset.EverUsed
                    ? $"its last announcement went (deleted or expired) at {at}, {_options.GraceMinutes} minutes ago or more (Assets:GraceMinutes)"
                    : $"no announcement has used it since {at}, {_options.GraceMinutes} minutes or more (Assets:GraceMinutes)"));
            }
        }

        foreach (var (asset, why) in gone)
        {
            var topic = _topics.Topics.Asset(asset.Sha256);
            // An empty retained message clears the broker's copy: screens drop it from their caches.
            _outbox.SetRetained(topic, []);
            try
            {
                await _disk.RunAsync(() => AtomicFile.Delete(asset.Path)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left on disk, it is read again (and collected again) at the next start.
                AssetLog.DiskFailed(_logger, Directory, $"cannot delete {asset.Path} ({ex.Message})");
            }

            AssetLog.Removed(_logger, asset.Sha256, why);
            _auditor.Record(new EventMessage
            {
                Type = "asset-removed",
                At = IsoTime.Format(now, _zone),
                By = "controller",
                Topic = topic,
                Detail = $"asset {asset.Sha256} ({asset.Bytes} bytes) removed: {why}",
            });
        }

        return next;
    }

    private static Instant? Earlier(Instant? a, Instant b) => a is { } x && x < b ? x : b;

    private static CommandResult Answer(ProcessedImage image, string note) => new()
    {
        Ok = true,
        Sha256 = image.Sha256,
        Width = image.Width,
        Height = image.Height,
        Bytes = image.Bytes.Length,
        Note = note,
    };

    private void Load()
    {
        var problems = new List<string>();
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            AtomicFile.RemoveLeftovers(Directory, problems);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cannot create {Directory} ({ex.Message}); uploads will be refused until it is writable");
        }

        foreach (var p in problems)
        {
            // A read-only state directory is reported by the state store too; the controller runs on and refuses uploads.
            AssetLog.Unavailable(_logger, Directory, p);
        }

        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        long total = 0;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var ext = Path.GetExtension(path);
            if (!PosterImage.IsValidSha256(name) || ext is not (".jpg" or ".png"))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                AssetLog.DiskFailed(_logger, Directory, $"cannot read {path} ({ex.Message})");
                continue;
            }

            var sha = PosterImage.Sha256Of(bytes);
            if (sha != name)
            {
                // A torn or altered file: never published under a hash it does not have.
                var aside = path + ".corrupt";
                try
                {
                    File.Move(path, aside, overwrite: true);
                }
                catch (IOException)
                {
                    aside = "(could not be moved)";
                }

                AssetLog.Corrupt(_logger, path, $"its SHA-256 is {sha}", aside);
                continue;
            }

            var mtime = Instant.FromDateTimeUtc(File.GetLastWriteTimeUtc(path));
            _assets[sha] = new KeptAsset(sha, path, bytes.Length, mtime, EverUsed: false);
            total += bytes.Length;
            _outbox.SetRetained(_topics.Topics.Asset(sha), bytes);
        }

        foreach (var a in _hub.Items.Where(a => a.Image is not null && !_assets.ContainsKey(a.Image.Sha256)))
        {
            AssetLog.MissingAsset(_logger, a.Id, a.Image!.Sha256);
        }

        AssetLog.Loaded(_logger, _assets.Count, total, Directory);
    }

    private static void Touch(string path, Instant at)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, at.ToDateTimeUtc());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the grace period's start after a restart depends on it; the asset itself is intact.
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(_time.GetUtcNow());

    public override void Dispose()
    {
        _hub.Changed -= _wake.Signal;
        base.Dispose();
    }
}
