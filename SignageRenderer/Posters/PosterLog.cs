using Microsoft.Extensions.Logging;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>The poster cache's log messages (event ids 40–59): every skipped or dropped poster says why.</summary>
internal static partial class PosterLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Poster cache {Directory}: {Count} poster(s), {Bytes} bytes kept from before")]
    public static partial void Loaded(ILogger logger, string directory, int count, long bytes);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Poster asset {Sha256} dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, string sha256, string reason);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, Message = "Poster asset {Sha256} stored ({Bytes} bytes)")]
    public static partial void Stored(ILogger logger, string sha256, int bytes);

    [LoggerMessage(EventId = 43, Level = LogLevel.Information, Message = "Poster asset {Sha256} evicted: {Reason}")]
    public static partial void Evicted(ILogger logger, string sha256, string reason);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, Message = "Poster of announcement {Id} skipped: {Reason}")]
    public static partial void Skipped(ILogger logger, string id, string reason);

    [LoggerMessage(EventId = 48, Level = LogLevel.Information, Message = "Poster of announcement {Id} waits for its image {Sha256}; the rotation goes on without it")]
    public static partial void Waiting(ILogger logger, string id, string sha256);

    [LoggerMessage(EventId = 45, Level = LogLevel.Warning, Message = "Poster asset {Sha256} cannot be decoded: {Reason}; its announcements are skipped")]
    public static partial void Undecodable(ILogger logger, string sha256, string reason);

    [LoggerMessage(EventId = 46, Level = LogLevel.Warning, Message = "Poster cache {Directory}: {Problem}")]
    public static partial void CacheProblem(ILogger logger, string directory, string problem);

    [LoggerMessage(EventId = 47, Level = LogLevel.Information, Message = "Poster assets subscribed: {Subscribed}; unsubscribed: {Unsubscribed}")]
    public static partial void Subscriptions(ILogger logger, int subscribed, int unsubscribed);
}
