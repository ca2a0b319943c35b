using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// Handles one command topic. Register with <c>services.AddSingleton&lt;IMqttCommandHandler, MyHandler&gt;()</c>;
/// the MQTT client subscribes to every handler's topics, refuses retained and oversized messages before
/// calling it, and sends the returned result to the Response Topic and the events topic.
/// </summary>
public interface IMqttCommandHandler
{
    /// <summary>The concrete topics this handler answers (e.g. <c>topics.OverrideSet</c>).</summary>
    IEnumerable<string> TopicsFor(Topics topics);

    /// <summary>Largest payload this handler takes, checked before it is called (default: the command limit, 64 KiB).</summary>
    int MaxPayloadBytes => CommandLimits.MaxPayloadBytes;

    /// <summary>The configuration key of <see cref="MaxPayloadBytes"/> named in the refusal, when it is not the fixed command limit.</summary>
    string? PayloadLimitKey => null;

    /// <summary>
    /// True when handling is slow (processing an image): such commands run one at a time on their own lane, so door
    /// commands never wait behind them; while one runs and another waits, a third is refused as busy.
    /// </summary>
    bool RunsAside => false;

    /// <summary>Validates and applies the command; never throws for bad input (return a refusal instead).</summary>
    Task<CommandResult> HandleAsync(MqttCommand command, CancellationToken cancellationToken);
}
