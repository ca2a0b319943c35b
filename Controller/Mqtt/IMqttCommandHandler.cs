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

    /// <summary>Validates and applies the command; never throws for bad input (return a refusal instead).</summary>
    Task<CommandResult> HandleAsync(MqttCommand command, CancellationToken cancellationToken);
}
