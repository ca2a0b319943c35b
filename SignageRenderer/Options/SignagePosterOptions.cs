using System.ComponentModel.DataAnnotations;

namespace MppSignage.SignageRenderer.Options;

/// <summary>
/// Section <c>Posters</c>: the screen's poster cache on disk (survives restarts and offline periods) and in memory.
/// </summary>
public sealed class SignagePosterOptions : IValidatableObject
{
    /// <summary>Default cache directory, relative to the working directory (the Pi sets one under its state directory).</summary>
    public const string DefaultCacheDirectory = "state/posters";

    /// <summary>Default disk budget: 256 MB, about 100 processed 1080p posters, a small part of a Pi's SD card.</summary>
    public const int DefaultCacheMaxMegabytes = 256;

    /// <summary>Default most posters on disk.</summary>
    public const int DefaultCacheMaxCount = 100;

    /// <summary>
    /// Default decoded posters in memory: the one on screen and the next one (prefetched). A poster is up to 7 MB of
    /// pixels at 1080p; each one more costs that against the 120 MB target with 20 posters in rotation.
    /// </summary>
    public const int DefaultDecodedMax = 2;

    /// <summary>Default largest asset accepted from the broker (also the MQTT maximum packet size the screen announces).</summary>
    public const int DefaultMaxAssetMegabytes = 8;

    /// <summary><c>Posters:CacheDirectory</c>.</summary>
    public string? CacheDirectory { get; set; } = DefaultCacheDirectory;

    /// <summary><c>Posters:CacheMaxMegabytes</c> (1-65536).</summary>
    public int CacheMaxMegabytes { get; set; } = DefaultCacheMaxMegabytes;

    /// <summary><c>Posters:CacheMaxCount</c> (1-10000).</summary>
    public int CacheMaxCount { get; set; } = DefaultCacheMaxCount;

    /// <summary><c>Posters:DecodedMax</c> (2-16).</summary>
    public int DecodedMax { get; set; } = DefaultDecodedMax;

    /// <summary><c>Posters:MaxAssetMegabytes</c> (1-64).</summary>
    public int MaxAssetMegabytes { get; set; } = DefaultMaxAssetMegabytes;

    /// <summary>The cache directory as given (trimmed), or the default.</summary>
    public string Directory() => SignageOptions.Text(CacheDirectory) ?? DefaultCacheDirectory;

    /// <summary>The disk budget in bytes.</summary>
    public long CacheMaxBytes() => (long)CacheMaxMegabytes << 20;

    /// <summary>The largest asset in bytes.</summary>
    public int MaxAssetBytes() => MaxAssetMegabytes << 20;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value, min, max) in new[]
        {
            ("Posters:CacheMaxMegabytes", CacheMaxMegabytes, 1, 65536),
            ("Posters:CacheMaxCount", CacheMaxCount, 1, 10000),
            // One poster on screen and the next one prefetched at least.
            ("Posters:DecodedMax", DecodedMax, 2, 16),
            ("Posters:MaxAssetMegabytes", MaxAssetMegabytes, 1, 64),
        })
        {
            if (value < min || value > max)
            {
                yield return SignageOptions.Problem($"{key}: '{value}' must be a whole number from {min} to {max}.");
            }
        }

        if (MaxAssetMegabytes > CacheMaxMegabytes)
        {
            yield return SignageOptions.Problem($"Posters:MaxAssetMegabytes: '{MaxAssetMegabytes}' must not exceed Posters:CacheMaxMegabytes ('{CacheMaxMegabytes}'): a poster the cache cannot hold could never be shown.");
        }
    }
}
