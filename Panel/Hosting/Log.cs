using Microsoft.Extensions.Logging;

namespace MppSignage.Panel.Hosting;

/// <summary>Every log message of the panel (no passwords, no session ids).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Panel listening on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "User {User} ({Role}) logged in from {Address}")]
    public static partial void LoggedIn(ILogger logger, string user, string role, string address);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Login refused for {User} from {Address}: {Reason}")]
    public static partial void LoginRefused(ILogger logger, string user, string address, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Session of {User} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, string user, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Broker refused {User}'s publish on {Topic}: {Reason}")]
    public static partial void BrokerRefusedPublish(ILogger logger, string user, string topic, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Request of {User} on {Topic} failed: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string user, string topic, string reason);




    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Ignored a bad payload on {Topic}: {Reason}")]
    public static partial void BadPayload(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "{User} sent {Topic}: {Outcome}")]
    public static partial void CommandSent(ILogger logger, string user, string topic, string outcome);
}
