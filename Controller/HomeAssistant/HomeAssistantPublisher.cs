using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.HomeAssistant;

/// <summary>
/// Puts the discovery configs into the controller's outbox as retained topics, so the MQTT client publishes
/// them with the state on every (re)connect; and when Home Assistant announces <c>online</c> (it restarted and
/// lost its entities unless the broker kept the retained configs) marks everything for republishing.
/// </summary>
internal sealed class HomeAssistantPublisher(
    ControllerOutbox outbox,
    TopicsProvider topics,
    IOptions<HomeAssistantOptions> options,
    ILogger<HomeAssistantPublisher> logger) : IHostedService, IMqttTopicObserver
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var configs = HomeAssistantDiscovery.Build(topics.Topics, options.Value.DeviceName);
        foreach (var config in configs)
        {
            outbox.SetRetained(config.Topic, config.Payload);
        }

        HomeAssistantLog.Enabled(logger, configs.Count, topics.Topics.SiteId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public IEnumerable<string> TopicsFor(Topics siteTopics) => [HomeAssistantDiscovery.StatusTopic];

    public void OnMessage(string topic, ReadOnlySpan<byte> payload, bool retained)
    {
        // A retained "online" is an old birth message delivered on subscribe; the configs were just published
        // with the connect anyway. Only a live announcement means Home Assistant (re)started.
        if (!retained && payload.Trim((byte)' ').SequenceEqual("online"u8))
        {
            HomeAssistantLog.Republishing(logger);
            outbox.MarkAllDirty();
        }
    }
}
