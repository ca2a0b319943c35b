using System.Text;
using System.Text.Json;
using MppSignage.Controller.HomeAssistant;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Tests.HomeAssistant;

/// <summary>The discovery configs are the documented bytes (Home Assistant reads them; the format must not drift).</summary>
public sealed class DiscoveryPayloadTests
{
    private static readonly IReadOnlyList<DiscoveryConfig> Configs = HomeAssistantDiscovery.Build(new Topics("probolinggo"));

    private static string Version => JsonDocument.Parse(Configs[0].Payload).RootElement.GetProperty("origin").GetProperty("sw_version").GetString()!;

    private static string Tail =>
        "\"device\":{\"identifiers\":[\"mpp_probolinggo\"],\"name\":\"MPP probolinggo\",\"manufacturer\":\"MppSignage\",\"model\":\"Entrance door controller\","
        + $"\"sw_version\":\"{Version}\"}},\"origin\":{{\"name\":\"MppSignage\",\"sw_version\":\"{Version}\"}}}}";

    private const string Head = """
        {"name":"{0}","unique_id":"mpp_probolinggo_{1}","state_topic":"mpp/probolinggo/status","availability_topic":"mpp/probolinggo/availability","payload_available":"online","payload_not_available":"offline",
        """;

    private static string Expected(string name, string objectId, string specific) =>
        Head.Replace("{0}", name, StringComparison.Ordinal).Replace("{1}", objectId, StringComparison.Ordinal) + specific + Tail;

    [Fact]
    public void Build_Door_IsTheDocumentedBinarySensor()
    {
        var door = Configs.Single(c => c.ObjectId == "door");
        Assert.Equal("homeassistant/binary_sensor/probolinggo/door/config", door.Topic);
        Assert.Equal(
            Expected("Door", "door", "\"device_class\":\"door\",\"value_template\":\"{{ value_json.state }}\",\"payload_on\":\"open\",\"payload_off\":\"closed\","),
            Encoding.UTF8.GetString(door.Payload));
    }

    [Fact]
    public void Build_Override_IsTheDocumentedSelect_WithReadableTemplates()
    {
        var select = Configs.Single(c => c.ObjectId == "override");
        var text = Encoding.UTF8.GetString(select.Payload);
        Assert.Equal(
            Expected("Override", "override",
                "\"icon\":\"mdi:door-closed-lock\",\"value_template\":\"{{ value_json.override.state if value_json.override else 'auto' }}\","
                + "\"command_topic\":\"mpp/probolinggo/override/set\",\"command_template\":\"{\\\"state\\\":\\\"{{ value }}\\\",\\\"reason\\\":\\\"Home Assistant\\\"}\","
                + "\"qos\":1,\"retain\":false,\"options\":[\"auto\",\"open\",\"closed\"],"),
            text);
        Assert.DoesNotContain("\\u0027", text);    // ' stays readable
    }

    [Theory]
    [InlineData("next_change", "Next change", "nextChange")]  // the next change of state
    [InlineData("closes_at", "Closes at", "closesAt")]        // today's closing time
    public void Build_Timestamps_AreTheDocumentedSensors(string objectId, string name, string field)
    {
        var sensor = Configs.Single(c => c.ObjectId == objectId);
        Assert.Equal(
            Expected(name, objectId, $"\"device_class\":\"timestamp\",\"value_template\":\"{{{{ value_json.{field} if value_json.{field} else None }}}}\","),
            Encoding.UTF8.GetString(sensor.Payload));
    }
}
