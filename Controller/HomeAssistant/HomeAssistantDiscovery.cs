using System.Reflection;
using System.Text.Encodings.Web;
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

        return
        [
            Config(topics, device, version, "binary_sensor", "door", "Door", w =>
            {
                w.WriteString("device_class", "door");
                w.WriteString("value_template", "{{ value_json.state }}");
                w.WriteString("payload_on", "open");
                w.WriteString("payload_off", "closed");
            }),
            Config(topics, device, version, "select", "override", "Override", w =>
            {
                w.WriteString("icon", "mdi:door-closed-lock");
                w.WriteString("value_template", "{{ value_json.override.state if value_json.override else 'auto' }}");
                w.WriteString("command_topic", topics.OverrideSet);
                // Without "until" the controller ends the override at the next scheduled change (its rule, not ours).
                w.WriteString("command_template", $"{{\"state\":\"{{{{ value }}}}\",\"reason\":\"{CommandReason}\"}}");
                w.WriteNumber("qos", 1);
                w.WriteBoolean("retain", false);
                w.WriteStartArray("options");
                w.WriteStringValue("auto");
                w.WriteStringValue("open");
                w.WriteStringValue("closed");
                w.WriteEndArray();
            }),
            Config(topics, device, version, "sensor", "next_change", "Next change", w =>
            {
                w.WriteString("device_class", "timestamp");
                // "None" makes Home Assistant show "unknown" instead of an invalid timestamp when there is no change ahead.
                w.WriteString("value_template", "{{ value_json.nextChange if value_json.nextChange else None }}");
            }),
            Config(topics, device, version, "sensor", "closes_at", "Closes at", w =>
            {
                w.WriteString("device_class", "timestamp");
                w.WriteString("value_template", "{{ value_json.closesAt if value_json.closesAt else None }}");
            }),
        ];
    }

    /// <summary>The config topic of one entity: the site id is the node id, so each site's configs stay apart.</summary>
    public static string ConfigTopic(string component, string siteId, string objectId) => $"{Prefix}/{component}/{siteId}/{objectId}/config";

    private static DiscoveryConfig Config(Topics topics, string device, string version, string component, string objectId, string name, Action<Utf8JsonWriter> specific)
    {
        var site = topics.SiteId;
        var buffer = new MemoryStream();
        // Relaxed escaping keeps the templates readable on the wire (' and " instead of \u0027 and \u0022).
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", name);
            w.WriteString("unique_id", $"mpp_{site}_{objectId}");
            w.WriteString("state_topic", topics.Status);
            w.WriteString("availability_topic", topics.Availability);
            w.WriteString("payload_available", "online");
            w.WriteString("payload_not_available", "offline");
            specific(w);
            w.WriteStartObject("device");
            w.WriteStartArray("identifiers");
            w.WriteStringValue($"mpp_{site}");
            w.WriteEndArray();
            w.WriteString("name", device);
            w.WriteString("manufacturer", "MppSignage");
            w.WriteString("model", "Entrance door controller");
            w.WriteString("sw_version", version);
            w.WriteEndObject();
            w.WriteStartObject("origin");
            w.WriteString("name", "MppSignage");
            w.WriteString("sw_version", version);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return new DiscoveryConfig(component, objectId, ConfigTopic(component, site, objectId), buffer.ToArray());
    }
}
