using Microsoft.Extensions.Logging;

namespace MppSignage.Controller.Hosting;

/// <summary>All log messages of the controller, with stable event ids.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "relay {State} (pin {Pin}, {Polarity} → {Level}) — {Why}")]
    public static partial void RelayChanged(ILogger logger, string state, int pin, string polarity, string level, string why);

    [LoggerMessage(2, LogLevel.Information, "relay kept {State} on shutdown (Gpio:Relay:ShutdownState=keep)")]
    public static partial void RelayKept(ILogger logger, string state);

    [LoggerMessage(3, LogLevel.Information, "lamps {Phase}: OPEN {Open}, CLOSED {Closed}, closing-soon {Soon}")]
    public static partial void LampsChanged(ILogger logger, string phase, string open, string closed, string soon);

    [LoggerMessage(4, LogLevel.Information, "LCD |{Line1}|{Line2}|")]
    public static partial void LcdChanged(ILogger logger, string line1, string line2);

    [LoggerMessage(5, LogLevel.Warning, "LCD write failed ({Message}); will retry on the next change")]
    public static partial void LcdFailed(ILogger logger, string message);

    [LoggerMessage(6, LogLevel.Information, "button {Kind} press (pin {Pin})")]
    public static partial void ButtonPressed(ILogger logger, string kind, int pin);

    [LoggerMessage(7, LogLevel.Information, "hardware in shutdown safe state")]
    public static partial void HardwareShutdown(ILogger logger);

    [LoggerMessage(8, LogLevel.Information, "GPIO driver {Driver}{Why}")]
    public static partial void GpioDriver(ILogger logger, string driver, string why);

    [LoggerMessage(10, LogLevel.Information, "door {Phase} ({Mode}, {Reason}); next change {NextChange} [{Why}]")]
    public static partial void DoorDecided(ILogger logger, string phase, string mode, string reason, string nextChange, string why);

    [LoggerMessage(11, LogLevel.Information, "clock {Status}")]
    public static partial void ClockStatus(ILogger logger, string status);

    [LoggerMessage(12, LogLevel.Error, "door loop error; continuing")]
    public static partial void LoopError(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Information, "schedule in force from {Source} (zone {Zone})")]
    public static partial void ScheduleLoaded(ILogger logger, string source, string zone);

    [LoggerMessage(14, LogLevel.Error, "schedule unavailable — door in its safe state: {Problem}")]
    public static partial void ScheduleUnavailable(ILogger logger, string problem);

    [LoggerMessage(15, LogLevel.Warning, "state: {Problem}")]
    public static partial void StateProblem(ILogger logger, string problem);

    [LoggerMessage(16, LogLevel.Error, "journal append failed: {Message}")]
    public static partial void JournalFailed(ILogger logger, string message);

    [LoggerMessage(20, LogLevel.Information, "command on {Topic} by {By}: accepted")]
    public static partial void CommandAccepted(ILogger logger, string topic, string by);

    [LoggerMessage(21, LogLevel.Warning, "command on {Topic} by {By}: refused, {Field}: {Error}")]
    public static partial void CommandRefused(ILogger logger, string topic, string by, string field, string error);

    [LoggerMessage(22, LogLevel.Error, "command handler for {Topic} failed")]
    public static partial void CommandFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(36, LogLevel.Warning, "no answer on Response Topic {ResponseTopic} from {Sender}: only the sender's own responses topics (mpp/SITE/responses/USER/…) are answered (the result is on the events topic)")]
    public static partial void ResponseTopicRefused(ILogger logger, string responseTopic, string sender);

    [LoggerMessage(37, LogLevel.Warning, "outbox full ({Limit} messages): {Dropped} event(s)/result(s) not sent over MQTT; an overflow event says so on the events topic and the journal has every line")]
    public static partial void OutboxOverflow(ILogger logger, int limit, long dropped);

    [LoggerMessage(35, LogLevel.Error, "MQTT publish to {Topic} refused: {Code} {Reason}")]
    public static partial void MqttPublishRefused(ILogger logger, string topic, string code, string reason);

    [LoggerMessage(40, LogLevel.Information, "embedded MQTT broker listening on {Address}:{Port} with {Users} configured user(s); anonymous refused")]
    public static partial void BrokerStarted(ILogger logger, string address, int port, int users);

    [LoggerMessage(41, LogLevel.Warning, "embedded MQTT broker has no users in Mqtt:Users; only the controller itself can connect")]
    public static partial void BrokerNoUsers(ILogger logger);

    [LoggerMessage(42, LogLevel.Warning, "broker refused connection of {User} from {Endpoint}")]
    public static partial void BrokerConnectRefused(ILogger logger, string user, string endpoint);

    [LoggerMessage(44, LogLevel.Warning, "broker cut off a connection from {Endpoint}: {Why} (declared {Declared} bytes); {Total} cut off since start")]
    public static partial void BrokerConnectionCut(ILogger logger, string why, string endpoint, long declared, long total);

    [LoggerMessage(45, LogLevel.Warning, "broker refused connection of {User} from {Endpoint}: {Reason}")]
    public static partial void BrokerConnectRefusedBecause(ILogger logger, string user, string endpoint, string reason);

    [LoggerMessage(43, LogLevel.Warning, "broker denied {User} (role {Role}) {Action} on {Topic}")]
    public static partial void BrokerDenied(ILogger logger, string user, string role, string action, string topic);
}
