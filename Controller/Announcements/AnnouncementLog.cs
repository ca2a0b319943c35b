using Microsoft.Extensions.Logging;

namespace MppSignage.Controller.Announcements;

/// <summary>Log messages of the announcement hub (event ids 500–509).</summary>
internal static partial class AnnouncementLog
{
    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Announcements: {Count} loaded from {Path}")]
    public static partial void Loaded(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 501, Level = LogLevel.Error, Message = "Announcements file {Path} is unreadable ({Reason}); kept aside as {Aside}, starting with none")]
    public static partial void Corrupt(ILogger logger, string path, string reason, string aside);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Announcement {Id} {Action} by {By} ({Count} in force)")]
    public static partial void Changed(ILogger logger, string id, string action, string by, int count);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Announcements expired and removed: {Ids}")]
    public static partial void Expired(ILogger logger, string ids);

    [LoggerMessage(EventId = 504, Level = LogLevel.Error, Message = "Saving announcements to {Path} failed: {Reason}")]
    public static partial void SaveFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 505, Level = LogLevel.Warning, Message = "Announcements file item {Field}: {Reason}; item skipped")]
    public static partial void BadItem(ILogger logger, string field, string reason);
}
