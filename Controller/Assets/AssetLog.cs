using Microsoft.Extensions.Logging;

namespace MppSignage.Controller.Assets;

/// <summary>Log messages of the asset store (event ids 520–529).</summary>
internal static partial class AssetLog
{
    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Assets: {Count} kept ({Bytes} bytes) in {Directory}")]
    public static partial void Loaded(ILogger logger, int count, long bytes, string directory);

    [LoggerMessage(EventId = 521, Level = LogLevel.Information, Message = "Asset {Sha256} kept for {By}: {Width}×{Height}, {Bytes} bytes ({Note}); processed in {ProcessMs:0} ms, saved in {SaveMs:0} ms")]
    public static partial void Stored(ILogger logger, string sha256, string by, int width, int height, long bytes, string note, double processMs, double saveMs);

    [LoggerMessage(EventId = 522, Level = LogLevel.Information, Message = "Asset {Sha256} removed: {Why}")]
    public static partial void Removed(ILogger logger, string sha256, string why);

    [LoggerMessage(EventId = 523, Level = LogLevel.Error, Message = "Asset file {Path} does not match its name ({Reason}); set aside as {Aside}")]
    public static partial void Corrupt(ILogger logger, string path, string reason, string aside);

    [LoggerMessage(EventId = 524, Level = LogLevel.Error, Message = "Asset store {Directory}: {Reason}")]
    public static partial void DiskFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 526, Level = LogLevel.Warning, Message = "Asset store {Directory}: {Reason}")]
    public static partial void Unavailable(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 525, Level = LogLevel.Warning, Message = "Announcement {Id} names asset {Sha256}, which is not kept here; screens will skip it until it is uploaded")]
    public static partial void MissingAsset(ILogger logger, string id, string sha256);
}
