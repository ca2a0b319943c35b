namespace MppSignage.Controller.Mqtt;

/// <summary>
/// Answers a read-only request topic (e.g. <c>history/get</c>): no audit line, no state change; the reply
/// goes only to the request's Response Topic under <c>mpp/{site}/responses/</c>. Register with
/// <c>services.AddSingleton&lt;IMqttRequestHandler, MyHandler&gt;()</c>.
/// </summary>
public interface IMqttRequestHandler
{
    /// <summary>The concrete topics this handler answers.</summary>
    IEnumerable<string> TopicsFor(Shared.Mqtt.Topics topics);

    /// <summary>The reply payload; never throws for bad input (answer with the problem instead).</summary>
    byte[] Handle(MqttCommand request);
}
