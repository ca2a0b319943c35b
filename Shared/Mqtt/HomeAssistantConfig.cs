using System.Text.Json.Serialization;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// One retained Home Assistant MQTT discovery config (<c>homeassistant/{component}/{site}/{object}/config</c>),
/// in Home Assistant's snake-case names; what an entity does not use is left out.
/// </summary>
public sealed record HomeAssistantConfig
{
    /// <summary>Entity name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary><c>mpp_{site}_{object}</c>.</summary>
    [JsonPropertyName("unique_id")] public required string UniqueId { get; init; }

    /// <summary>The retained status topic every entity reads.</summary>
    [JsonPropertyName("state_topic")] public required string StateTopic { get; init; }

    /// <summary>The controller's availability topic (Last Will).</summary>
    [JsonPropertyName("availability_topic")] public required string AvailabilityTopic { get; init; }

    /// <summary><c>online</c>.</summary>
    [JsonPropertyName("payload_available")] public string PayloadAvailable { get; init; } = "online";

    /// <summary><c>offline</c>.</summary>
    [JsonPropertyName("payload_not_available")] public string PayloadNotAvailable { get; init; } = "offline";

    /// <summary><c>door</c>, <c>timestamp</c>, …</summary>
    [JsonPropertyName("device_class")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DeviceClass { get; init; }

    /// <summary>Material Design icon.</summary>
    [JsonPropertyName("icon")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Icon { get; init; }

    /// <summary>Jinja template reading the status payload.</summary>
    [JsonPropertyName("value_template")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ValueTemplate { get; init; }

    /// <summary>Binary sensor: the value that means on.</summary>
    [JsonPropertyName("payload_on")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PayloadOn { get; init; }

    /// <summary>Binary sensor: the value that means off.</summary>
    [JsonPropertyName("payload_off")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PayloadOff { get; init; }

    /// <summary>Select: where the choice is published.</summary>
    [JsonPropertyName("command_topic")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CommandTopic { get; init; }

    /// <summary>Select: the command payload template.</summary>
    [JsonPropertyName("command_template")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? CommandTemplate { get; init; }

    /// <summary>Select: QoS of the command.</summary>
    [JsonPropertyName("qos")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? Qos { get; init; }

    /// <summary>Select: retain flag of the command (commands are never retained).</summary>
    [JsonPropertyName("retain")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? Retain { get; init; }

    /// <summary>Select: the choices.</summary>
    [JsonPropertyName("options")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<string>? Options { get; init; }

    /// <summary>The device block every entity of the site shares.</summary>
    [JsonPropertyName("device")] public required HomeAssistantDevice Device { get; init; }

    /// <summary>Who publishes the config.</summary>
    [JsonPropertyName("origin")] public required HomeAssistantOrigin Origin { get; init; }
}

/// <summary>The <c>device</c> block of <see cref="HomeAssistantConfig"/>.</summary>
/// <param name="Identifiers"><c>mpp_{site}</c>.</param>
/// <param name="Name">Device name shown in Home Assistant.</param>
/// <param name="Manufacturer"><c>MppSignage</c>.</param>
/// <param name="Model">What the device is.</param>
/// <param name="SwVersion">The controller's version.</param>
public sealed record HomeAssistantDevice(
    [property: JsonPropertyName("identifiers")] IReadOnlyList<string> Identifiers,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("manufacturer")] string Manufacturer,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("sw_version")] string SwVersion);

/// <summary>The <c>origin</c> block of <see cref="HomeAssistantConfig"/>.</summary>
/// <param name="Name"><c>MppSignage</c>.</param>
/// <param name="SwVersion">The controller's version.</param>
public sealed record HomeAssistantOrigin(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sw_version")] string SwVersion);
