using System.Reflection;
using System.Text.Json;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.HomeAssistant;

/// <summary>
/// The Home Assistant MQTT discovery configs of one site: the door as a binary sensor, the override mode as
/// a select, and the next change and closing time as timestamp sensors. Every entity reads the retained
/// status topic (so it has a value as soon as Home Assistant subscribes), shares one device block, and is
/// unavailable while the controller's availability is <c>offline</c>. The select publishes an override
/// command to <c>mpp/{site}/override/set</c> like any staff client, so the controller validates and audits it.
/// </summary>
public static class HomeAssistantDiscovery
{
    /// <summary>Home Assistant's default discovery prefix.</summary>
    public const string Prefix = "homeassistant";

    /// <summary>Where Home Assistant announces <c>online</c> after it starts (its birth message).</summary>
    public const string StatusTopic = Prefix + "/status";

    /// <summary>What the select's command carries as the override reason (the audit shows it).</summary>
    public const string CommandReason = "Home Assistant";

    /// <summary>The configs for the site of <paramref name="topics"/>.</summary>
    public static IReadOnlyList<DiscoveryConfig> Build(Topics topics, string? deviceName = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var site = topics.SiteId;
        var device = string.IsNullOrWhiteSpace(deviceName) ? $"MPP {site}" : deviceName.Trim();
        var version = typeof(HomeAssistantDiscovery).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        version = plus > 0 ? version[..plus] : version;

        var shared = new HomeAssistantConfig
        {
            Name = "",
            UniqueId = "",
            StateTopic = topics.Status,
            AvailabilityTopic = topics.Availability,
            Device = new HomeAssistantDevice([$"mpp_{site}"], device, "MppSignage", "Entrance door controller", version),
            Origin = new HomeAssistantOrigin("MppSignage", version),
        };

        return
        [
            Config(site, "binary_sensor", "door", shared with
            {
                Name = "Door",
                DeviceClass = "door",
                ValueTemplate = "{{ value_json.state }}",
                PayloadOn = "open",
                PayloadOff = "closed",
            }),
            Config(site, "select", "override", shared with
            {
                Name = "Override",
                Icon = "mdi:door-closed-lock",
                ValueTemplate = "{{ value_json.override.state if value_json.override else 'auto' }}",
                CommandTopic = topics.OverrideSet,
                // Without "until" the controller ends the override at the next scheduled change (its rule, not ours).
                CommandTemplate = $"{{\"state\":\"{{{{ value }}}}\",\"reason\":\"{CommandReason}\"}}",
                Qos = 1,
                Retain = false,
                Options = ["auto", "open", "closed"],
            }),
            Config(site, "sensor", "next_change", shared with
            {
                Name = "Next change",
                DeviceClass = "timestamp",
                // "None" makes Home Assistant show "unknown" instead of an invalid timestamp when there is no change ahead.
                ValueTemplate = "{{ value_json.nextChange if value_json.nextChange else None }}",
            }),
            Config(site, "sensor", "closes_at", shared with
            {
                Name = "Closes at",
                DeviceClass = "timestamp",
                ValueTemplate = "{{ value_json.closesAt if value_json.closesAt else None }}",
            }),
        ];
    }

    /// <summary>The config topic of one entity: the site id is the node id, so each site's configs stay apart.</summary>
    public static string ConfigTopic(string component, string siteId, string objectId) => $"{Prefix}/{component}/{siteId}/{objectId}/config";

    private static DiscoveryConfig Config(string site, string component, string objectId, HomeAssistantConfig config) =>
        new(component, objectId, ConfigTopic(component, site, objectId),
            JsonSerializer.SerializeToUtf8Bytes(config with { UniqueId = $"mpp_{site}_{objectId}" }, MqttJsonContext.Wire.HomeAssistantConfig));
}
