using MppSignage.MqttHost;
using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Output;
using Microsoft.Extensions.Logging;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>
/// The screen's poster assets on disk: one file per SHA-256 (<c>&lt;sha256&gt;.poster</c>, the processed bytes
/// the controller published), written atomically, checked against their name when stored and again when loaded
/// at start, so the screen shows its posters after a restart or a power cut without a broker. Bounded in bytes
/// and count; when full, the least recently used poster goes first (unreferenced ones before referenced ones).
/// The last use is the file's modification time, so the order survives restarts. Thread-safe.
/// </summary>
public sealed class PosterAssetCache
{
    /// <summary>The file name extension of a cached asset.</summary>
    public const string Extension = ".poster";

    private readonly object _gate = new();
    private readonly Dictionary<string, (long Bytes, DateTimeOffset Used)> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _bytes;

    /// <summary>Opens (creating if needed) the cache in <paramref name="directory"/> and loads what it holds, dropping files that do not match their hash.</summary>
    public PosterAssetCache(string directory, long maxBytes, int maxCount, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        DirectoryPath = Path.GetFullPath(directory);
        MaxBytes = maxBytes;
        MaxCount = maxCount;
        _time = time;
        _logger = logger;
        Directory.CreateDirectory(DirectoryPath);
        Load();
    }

    /// <summary>The cache directory.</summary>
    public string DirectoryPath { get; }

    /// <summary>Most bytes kept.</summary>
    public long MaxBytes { get; }

    /// <summary>Most posters kept.</summary>
    public int MaxCount { get; }

    /// <summary>Bytes kept now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The hashes kept now.</summary>
    public IReadOnlySet<string> Hashes
    {
        get
        {
            lock (_gate)
            {
                return new HashSet<string>(_entries.Keys, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>True when <paramref name="sha256"/> is kept.</summary>
    public bool Contains(string sha256)
    {
        lock (_gate)
        {
            return _entries.ContainsKey(sha256);
        }
    }

    /// <summary>
    /// Stores <paramref name="bytes"/> as <paramref name="sha256"/> after checking the hash, then evicts the least
    /// recently used posters (those outside <paramref name="referenced"/> first) until the limits hold again.
    /// </summary>
    public PosterStoreResult Put(string sha256, ReadOnlySpan<byte> bytes, IReadOnlySet<string> referenced)
    {
        ArgumentNullException.ThrowIfNull(referenced);
        if (!PosterImage.IsValidSha256(sha256))
        {
            return PosterStoreResult.Refused($"'{Shared.Input.UntrustedText.ForLog(sha256)}' is not a SHA-256 (64 lowercase hex digits)");
        }

        if (bytes.Length == 0)
        {
            return PosterStoreResult.Refused("empty payload");
        }

        if (bytes.Length > MaxBytes)
        {
            return PosterStoreResult.Refused($"{bytes.Length} bytes is more than the cache holds (Posters:CacheMaxBytes {MaxBytes})");
        }

        var actual = PosterImage.Sha256Of(bytes);
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            return PosterStoreResult.Refused($"SHA-256 mismatch: the {bytes.Length} bytes received hash to {actual}");
        }

        var evicted = new List<string>();
        lock (_gate)
        {
            if (_entries.ContainsKey(sha256))
            {
                Touch(sha256);
                return PosterStoreResult.Kept(alreadyHeld: true, evicted);
            }

            AtomicFile.Write(PathOf(sha256), bytes);
            var now = _time.GetUtcNow();
            File.SetLastWriteTimeUtc(PathOf(sha256), now.UtcDateTime);
            _entries[sha256] = (bytes.Length, now);
            _bytes += bytes.Length;
            while (_entries.Count > MaxCount || _bytes > MaxBytes)
            {
                var victim = _entries.Where(e => e.Key != sha256)
                    .OrderBy(e => referenced.Contains(e.Key) ? 1 : 0)
                    .ThenBy(e => e.Value.Used)
                    .Select(e => e.Key)
                    .FirstOrDefault();
                if (victim is null)
                {
                    break;
                }

                RemoveLocked(victim);
                evicted.Add(victim);
            }
        }

        PosterLog.Stored(_logger, sha256, bytes.Length);
        foreach (var victim in evicted)
        {
            PosterLog.Evicted(_logger, victim, $"the cache is full (Posters:CacheMaxCount {MaxCount}, Posters:CacheMaxBytes {MaxBytes}); least recently used");
        }

        return PosterStoreResult.Kept(alreadyHeld: false, evicted);
    }

    /// <summary>The bytes of <paramref name="sha256"/> (marking it used), or null when not kept or unreadable.</summary>
    public byte[]? Read(string sha256)
    {
        lock (_gate)
        {
            if (!_entries.ContainsKey(sha256))
            {
                return null;
            }

            try
            {
                var bytes = File.ReadAllBytes(PathOf(sha256));
                Touch(sha256);
                return bytes;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Deleted or unreadable behind our back: forget it; it is fetched again while referenced.
                RemoveLocked(sha256);
                PosterLog.Dropped(_logger, sha256, $"cannot read the cached file: {ex.Message}");
                return null;
            }
        }
    }

    /// <summary>Removes <paramref name="sha256"/> (e.g. it does not decode), saying why.</summary>
    public void Remove(string sha256, string reason)
    {
        lock (_gate)
        {
            if (!RemoveLocked(sha256))
            {
                return;
            }
        }

        PosterLog.Evicted(_logger, sha256, reason);
    }

    /// <summary>Removes every poster no announcement refers to any more; returns their hashes.</summary>
    public IReadOnlyList<string> RemoveUnreferenced(IReadOnlySet<string> referenced)
    {
        ArgumentNullException.ThrowIfNull(referenced);
        List<string> removed;
        lock (_gate)
        {
            removed = [.. _entries.Keys.Where(k => !referenced.Contains(k))];
            foreach (var sha in removed)
            {
                RemoveLocked(sha);
            }
        }

        foreach (var sha in removed)
        {
            PosterLog.Evicted(_logger, sha, "no announcement refers to it any more");
        }

        return removed;
    }

    private string PathOf(string sha256) => Path.Combine(DirectoryPath, sha256 + Extension);

    private void Touch(string sha256)
    {
        var now = _time.GetUtcNow();
        _entries[sha256] = (_entries[sha256].Bytes, now);
        try
        {
            File.SetLastWriteTimeUtc(PathOf(sha256), now.UtcDateTime);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only the order after a restart suffers; the bytes are fine.
        }
    }

    private bool RemoveLocked(string sha256)
    {
        if (!_entries.Remove(sha256, out var entry))
        {
            return false;
        }

        _bytes -= entry.Bytes;
        try
        {
            File.Delete(PathOf(sha256));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            PosterLog.CacheProblem(_logger, DirectoryPath, $"cannot delete {sha256}{Extension}: {ex.Message}");
        }

        return true;
    }

    private void Load()
    {
        foreach (var path in Directory.EnumerateFiles(DirectoryPath))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') && name.EndsWith(AtomicFile.TempSuffix, StringComparison.Ordinal))
            {
                // A write cut short (power cut): never renamed into place, so never used.
                TryDelete(path);
                continue;
            }

            if (!name.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            var sha = name[..^Extension.Length];
            if (!PosterImage.IsValidSha256(sha))
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
                PosterLog.CacheProblem(_logger, DirectoryPath, $"cannot read {name}: {ex.Message}");
                continue;
            }

            if (bytes.Length == 0 || bytes.Length > MaxBytes || PosterImage.Sha256Of(bytes) != sha)
            {
                PosterLog.Dropped(_logger, sha, "the cached file does not match its SHA-256 (damaged on disk)");
                TryDelete(path);
                continue;
            }

            _entries[sha] = (bytes.Length, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
            _bytes += bytes.Length;
        }

        // Limits lowered since the last run: the least recently used go.
        while (_entries.Count > MaxCount || _bytes > MaxBytes)
        {
            var victim = _entries.OrderBy(e => e.Value.Used).First().Key;
            RemoveLocked(victim);
            PosterLog.Evicted(_logger, victim, "over the cache limits at start");
        }

        PosterLog.Loaded(_logger, DirectoryPath, _entries.Count, _bytes);
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            PosterLog.CacheProblem(_logger, DirectoryPath, $"cannot delete {Path.GetFileName(path)}: {ex.Message}");
        }
    }
}
