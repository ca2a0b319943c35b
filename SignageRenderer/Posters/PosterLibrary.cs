using MppSignage.Imaging;
using MppSignage.Shared.Announcements;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>
/// The decoded posters of one screen: a small least-recently-used memory cache over the on-disk
/// <see cref="PosterAssetCache"/>, each poster decoded once to the size it is drawn at (sampled decoding, so a
/// large JPEG never becomes a full-size buffer). A poster that does not decode is removed from the disk cache,
/// remembered as bad (its announcements are skipped) and reported. Use it from one thread at a time (the frame's
/// lock: layout, painting and prefetch all run under it), because an evicted image is disposed at once.
/// </summary>
public sealed class PosterLibrary : IPosterSource, IDisposable
{
    private readonly PosterAssetCache _disk;
    private readonly ILogger _logger;
    private readonly LinkedList<(string Key, DecodedPoster Image)> _decoded = new();
    private readonly HashSet<string> _bad = new(StringComparer.Ordinal);
    private readonly object _badGate = new();

    /// <summary>Creates the library over <paramref name="disk"/>, keeping at most <paramref name="maxDecoded"/> decoded posters.</summary>
    public PosterLibrary(PosterAssetCache disk, int maxDecoded, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDecoded, 1);
        ArgumentNullException.ThrowIfNull(logger);
        _disk = disk;
        MaxDecoded = maxDecoded;
        _logger = logger;
    }

    /// <summary>Raised (on the decoding thread) when a poster turned out bad, so the rotation skips it.</summary>
    public event Action? PosterFailed;

    /// <summary>The disk cache.</summary>
    public PosterAssetCache Disk => _disk;

    /// <summary>Most decoded posters kept in memory.</summary>
    public int MaxDecoded { get; }

    /// <summary>Decoded posters in memory now.</summary>
    public int DecodedCount => _decoded.Count;

    /// <summary>Pixel bytes of the decoded posters in memory now.</summary>
    public long DecodedBytes => _decoded.Sum(d => d.Image.Bytes);

    /// <summary>Number of decodes so far (a cache hit does not count).</summary>
    public long Decodes { get; private set; }

    /// <summary>True when <paramref name="sha256"/> is on disk and has not failed to decode.</summary>
    public bool IsShowable(string sha256)
    {
        lock (_badGate)
        {
            if (_bad.Contains(sha256))
            {
                return false;
            }
        }

        return _disk.Contains(sha256);
    }

    /// <summary>True when <paramref name="sha256"/> failed to decode (and is refused if received again).</summary>
    public bool IsBad(string sha256)
    {
        lock (_badGate)
        {
            return _bad.Contains(sha256);
        }
    }

    /// <summary>Forgets bad hashes no announcement refers to any more.</summary>
    public void ForgetBad(IReadOnlySet<string> referenced)
    {
        lock (_badGate)
        {
            _bad.RemoveWhere(s => !referenced.Contains(s));
        }
    }

    /// <inheritdoc />
    public DecodedPoster? Poster(string sha256, SKSizeI box, PosterFit fit)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var key = $"{sha256}/{box.Width}x{box.Height}/{fit}";
        for (var node = _decoded.First; node is not null; node = node.Next)
        {
            if (node.Value.Key == key)
            {
                _decoded.Remove(node);
                _decoded.AddFirst(node);
                return node.Value.Image;
            }
        }

        if (IsBad(sha256) || _disk.Read(sha256) is not { } bytes)
        {
            return null;
        }

        // Make room first, so the old pixels are gone before the decode's buffers come (a lower peak); the most
        // recently used poster (the one on screen while the next is prefetched) stays.
        while (_decoded.Count >= MaxDecoded && _decoded.Count > 1)
        {
            var last = _decoded.Last!;
            _decoded.RemoveLast();
            last.Value.Image.Dispose();
        }

        // The decode's own pixel budget (ImageLimits.Default) refuses anything a processed asset never is.
        var decoded = PosterDecoder.Decode(bytes, box.Width, box.Height, fit);
        Decodes++;
        if (decoded.Image is null)
        {
            var problem = decoded.Refusal is { } r ? $"{r.Field}: {r.Reason}" : "no image";
            lock (_badGate)
            {
                _bad.Add(sha256);
            }

            PosterLog.Undecodable(_logger, sha256, problem);
            _disk.Remove(sha256, $"it does not decode ({problem})");
            PosterFailed?.Invoke();
            return null;
        }

        var pixels = decoded.Image;
        if (fit == PosterFit.Cover && (pixels.Width > box.Width || pixels.Height > box.Height))
        {
            // Keep only the part that is shown: a 1920×1440 poster covering a 1920×947 area would hold 50% more memory.
            var w = Math.Min(pixels.Width, box.Width);
            var h = Math.Min(pixels.Height, box.Height);
            var crop = SKRectI.Create((pixels.Width - w) / 2, (pixels.Height - h) / 2, w, h);
            using var bitmap = new SKBitmap(new SKImageInfo(w, h, SKColorType.Bgra8888, SKAlphaType.Premul));
            if (pixels.ReadPixels(bitmap.Info, bitmap.GetPixels(), bitmap.RowBytes, crop.Left, crop.Top))
            {
                bitmap.SetImmutable();
                var cropped = SKImage.FromBitmap(bitmap);
                pixels.Dispose();
                pixels = cropped;
            }
        }

        var image = new DecodedPoster(pixels, decoded.EdgeColor);
        _decoded.AddFirst((key, image));
        while (_decoded.Count > MaxDecoded)
        {
            var last = _decoded.Last!;
            _decoded.RemoveLast();
            last.Value.Image.Dispose();
        }

        return image;
    }

    /// <summary>Drops every decoded poster of <paramref name="sha256"/> (it left the disk cache).</summary>
    public void Forget(string sha256)
    {
        for (var node = _decoded.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Key.StartsWith(sha256 + "/", StringComparison.Ordinal))
            {
                _decoded.Remove(node);
                node.Value.Image.Dispose();
            }

            node = next;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, image) in _decoded)
        {
            image.Dispose();
        }

        _decoded.Clear();
    }
}
