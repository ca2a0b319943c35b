using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// Listens to a topic that is not a command (no result, no audit), e.g. Home Assistant's birth message.
/// Register with <c>services.AddSingleton&lt;IMqttTopicObserver, MyObserver&gt;()</c>; the MQTT client
/// subscribes to its topics on every (re)connect and hands it each message, retained ones included.
/// </summary>
public interface IMqttTopicObserver
{
    /// <summary>The concrete topics to listen to.</summary>
    IEnumerable<string> TopicsFor(Topics topics);

    /// <summary>Called for each message on one of the topics; must not throw for bad input.</summary>
    void OnMessage(string topic, ReadOnlySpan<byte> payload, bool retained);
}
