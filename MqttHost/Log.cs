using Microsoft.Extensions.Logging;

namespace MppSignage.MqttHost;

/// <summary>The MQTT host's log messages (event ids 7000-7099).</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "MQTT connected to {Host}:{Port} as {User}; {Count} topic filter(s) subscribed")]
    public static partial void Connected(ILogger logger, string host, int port, string user, int count);

    [LoggerMessage(7001, LogLevel.Warning, "MQTT connection to {Host}:{Port} lost or failed ({Kind}: {Message})")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, string kind, string message);

    [LoggerMessage(7002, LogLevel.Information, "MQTT reconnecting in {Seconds} s")]
    public static partial void Reconnecting(ILogger logger, double seconds);

    [LoggerMessage(7003, LogLevel.Error, "MQTT broker {Host}:{Port} refused the connection of user '{User}': {Code} {Reason}")]
    public static partial void ConnectRefused(ILogger logger, string host, int port, string user, string code, string reason);

    [LoggerMessage(7004, LogLevel.Error, "MQTT subscription to {Topic} refused: {Code}")]
    public static partial void SubscribeRefused(ILogger logger, string topic, string code);

    [LoggerMessage(7005, LogLevel.Warning, "MQTT disconnected by the broker ({Reason})")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(7006, LogLevel.Information, "MQTT goodbye not delivered ({Message}); the Last Will covers it")]
    public static partial void GoodbyeFailed(ILogger logger, string message);

    [LoggerMessage(7010, LogLevel.Information, "systemd watchdog: pinging every {Seconds:0.#} s / 2 while {What} makes progress")]
    public static partial void WatchdogEnabled(ILogger logger, double seconds, string what);

    [LoggerMessage(7011, LogLevel.Error, "systemd watchdog: no progress of {What} for {Seconds:0} s, ping withheld so systemd restarts the service")]
    public static partial void WatchdogWithheld(ILogger logger, string what, double seconds);
}
