namespace MppSignage.Controller.Options;

/// <summary>
/// Section <c>Assets</c>: the posters the controller keeps (uploaded on <c>mpp/{site}/uploads/put</c>, processed, kept in
/// <c>State:Directory/assets/</c>, published retained on <c>mpp/{site}/assets/{sha256}</c>). Every limit refuses with its key.
/// </summary>
public sealed class AssetOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Assets";

    /// <summary>Largest <see cref="MaxUploadBytes"/>: Mosquitto's <c>max_packet_size</c> in deploy-pi (8 MiB) less 64 KiB for topic and properties.</summary>
    public const int MaxUploadBytesCeiling = (8 * 1024 * 1024) - (64 * 1024);

    /// <summary>Largest upload in bytes (a Canva/Photoshop export; checked on the MQTT packet's header first).</summary>
    public int MaxUploadBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>Largest kept (processed) asset in bytes: what every screen downloads and caches.</summary>
    public int MaxAssetBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Total bytes of all kept assets (the embedded broker holds each retained too).</summary>
    public long MaxTotalBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most kept assets.</summary>
    public int MaxCount { get; set; } = 50;

    /// <summary>Width of the largest configured screen (uploads are downscaled to cover it, in either orientation).</summary>
    public int ScreenWidth { get; set; } = 1920;

    /// <summary>Height of the largest configured screen.</summary>
    public int ScreenHeight { get; set; } = 1080;

    /// <summary>JPEG quality of kept assets.</summary>
    public int JpegQuality { get; set; } = 85;

    /// <summary>Largest decode buffer while processing, in pixels (16 MP = 64 MB; JPEG decodes sampled, PNG whole).</summary>
    public long MaxDecodePixels { get; set; } = Imaging.ImageLimits.DefaultMaxDecodePixels;

    /// <summary>
    /// Minutes an asset that no announcement refers to is kept (uploaded but not used yet, or its last announcement
    /// deleted or expired) before it is removed and its retained message cleared.
    /// </summary>
    public int GraceMinutes { get; set; } = 24 * 60;
}
