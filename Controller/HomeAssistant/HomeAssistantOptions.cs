namespace MppSignage.Controller.HomeAssistant;

/// <summary>Section <c>HomeAssistant</c>: MQTT discovery for a facility team's Home Assistant.</summary>
public sealed class HomeAssistantOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "HomeAssistant";

    /// <summary>Publish the discovery configs (retained) and answer Home Assistant's birth message. Off by default: a site without Home Assistant gets no <c>homeassistant/…</c> topics.</summary>
    public bool Enabled { get; set; }

    /// <summary>The device name shown in Home Assistant (default <c>MPP {site}</c>).</summary>
    public string? DeviceName { get; set; }
}
