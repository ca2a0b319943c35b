using System.Text.Json;
using MppSignage.Controller.HomeAssistant;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.HomeAssistant;

/// <summary>
/// Home Assistant MQTT discovery through Mosquitto, seen as Home Assistant sees it: the <c>homeassistant</c>
/// user reads retained configs, announces <c>online</c>, and drives the override select.
/// </summary>
public sealed class DiscoveryTests
{
    private const string Site = "probolinggo";

    private static readonly string[] ConfigTopics =
    [
        $"homeassistant/binary_sensor/{Site}/door/config",
        $"homeassistant/select/{Site}/override/config",
        $"homeassistant/sensor/{Site}/next_change/config",
        $"homeassistant/sensor/{Site}/closes_at/config",
    ];

    [Fact]
    public async Task Enabled_PublishesRetainedConfigsWithDeviceUniqueIdsAndAvailability()
    {
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "ha-configs");
        await using var controller = await ControllerTestHost.StartAsync(TimeProvider.System, ControllerTestHost.ExternalArgs(broker.Port),
            extraArgs: ["--HomeAssistant:Enabled=true"]);
        await using var ha = await MqttTestClient.ConnectAsync(broker.Port, "homeassistant", TestUsers.Password("homeassistant"));
        await ha.SubscribeAllAsync("homeassistant/#", $"mpp/{Site}/status", $"mpp/{Site}/availability");

        foreach (var topic in ConfigTopics)
        {
            await ha.WaitForAsync(topic);
        }

        // A Home Assistant connecting later (or restarted) finds them retained.
        await using var later = await MqttTestClient.ConnectAsync(broker.Port, "homeassistant", TestUsers.Password("homeassistant"));
        await later.SubscribeAllAsync("homeassistant/#");
        var configs = new List<JsonElement>();
        foreach (var topic in ConfigTopics)
        {
            var m = await later.WaitForAsync(topic);
            Assert.True(m.Retain, $"{topic} must be retained, so Home Assistant finds it after its own restart");
            configs.Add(JsonDocument.Parse(m.Payload).RootElement.Clone());
        }

        Assert.Equal(ConfigTopics.Length, configs.Select(c => c.GetProperty("unique_id").GetString()).Distinct().Count());
        foreach (var c in configs)
        {
            Assert.Equal($"mpp/{Site}/availability", c.GetProperty("availability_topic").GetString());
            Assert.Equal("online", c.GetProperty("payload_available").GetString());
            Assert.Equal("offline", c.GetProperty("payload_not_available").GetString());
            Assert.Equal($"mpp/{Site}/status", c.GetProperty("state_topic").GetString());
            Assert.StartsWith($"mpp_{Site}_", c.GetProperty("unique_id").GetString());
            var device = c.GetProperty("device");
            Assert.Equal($"mpp_{Site}", device.GetProperty("identifiers")[0].GetString());
            Assert.False(string.IsNullOrEmpty(device.GetProperty("name").GetString()));
        }

        var door = configs[0];
        Assert.Equal("door", door.GetProperty("device_class").GetString());
        Assert.Equal("open", door.GetProperty("payload_on").GetString());
        Assert.Equal("closed", door.GetProperty("payload_off").GetString());
        var select = configs[1];
        Assert.Equal($"mpp/{Site}/override/set", select.GetProperty("command_topic").GetString());
        Assert.Equal(["auto", "open", "closed"], select.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToArray());
        Assert.All(configs.Skip(2), c => Assert.Equal("timestamp", c.GetProperty("device_class").GetString()));

        // What the entities read is really in the status: the fields the value templates name.
        var status = JsonDocument.Parse((await ha.WaitForAsync($"mpp/{Site}/status")).Payload).RootElement;
        Assert.True(status.TryGetProperty("state", out _) && status.TryGetProperty("override", out _)
            && status.TryGetProperty("nextChange", out _) && status.TryGetProperty("closesAt", out _), status.ToString());
        await ha.WaitForAsync($"mpp/{Site}/availability", t => t == "online");
        Assert.Empty(controller.Logs.Errors);
    }

    [Fact]
    public async Task HomeAssistantOnline_RepublishesTheConfigs()
    {
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "ha-birth");
        await using var controller = await ControllerTestHost.StartAsync(TimeProvider.System, ControllerTestHost.ExternalArgs(broker.Port),
            extraArgs: ["--HomeAssistant:Enabled=true"]);
        await using var ha = await MqttTestClient.ConnectAsync(broker.Port, "homeassistant", TestUsers.Password("homeassistant"));
        await ha.SubscribeAllAsync("homeassistant/#");
        foreach (var topic in ConfigTopics)
        {
            await ha.WaitForAsync(topic);
        }

        var before = System.Diagnostics.Stopwatch.GetTimestamp();
        await ha.PublishAsync(HomeAssistantDiscovery.StatusTopic, "online");

        // Republished live (not the retained copy delivered at subscribe time): the retain flag is clear for a live delivery.
        foreach (var topic in ConfigTopics)
        {
            var again = await ha.WaitForAsync(topic, sinceTimestamp: before, timeout: TimeSpan.FromSeconds(10));
            Assert.False(again.Retain);
        }
    }

    [Fact]
    public async Task OverrideSelect_CommandFromHomeAssistantUser_ChangesTheDoorAndBack()
    {
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "ha-select");
        await using var controller = await ControllerTestHost.StartAsync(TimeProvider.System, ControllerTestHost.ExternalArgs(broker.Port),
            extraArgs: ["--HomeAssistant:Enabled=true"]);
        await using var ha = await MqttTestClient.ConnectAsync(broker.Port, "homeassistant", TestUsers.Password("homeassistant"));
        await ha.SubscribeAllAsync($"homeassistant/select/{Site}/override/config", $"mpp/{Site}/status");
        var config = JsonDocument.Parse((await ha.WaitForAsync($"homeassistant/select/{Site}/override/config")).Payload).RootElement;
        var initial = JsonDocument.Parse((await ha.WaitForAsync($"mpp/{Site}/status")).Payload).RootElement;
        var opposite = initial.GetProperty("state").GetString() == "open" ? "closed" : "open";

        // Home Assistant renders command_template with the chosen option and publishes to command_topic.
        var template = config.GetProperty("command_template").GetString()!;
        var published = await ha.PublishAsync(config.GetProperty("command_topic").GetString()!, template.Replace("{{ value }}", opposite, StringComparison.Ordinal));
        Assert.True(MqttTestClient.Accepted(published), $"the homeassistant role must be allowed to send overrides: {published.ReasonCode}");

        var overridden = await ha.WaitForAsync($"mpp/{Site}/status", t => t.Contains($"\"state\":\"{opposite}\"", StringComparison.Ordinal) && t.Contains("\"mode\":\"override\"", StringComparison.Ordinal));
        var o = JsonDocument.Parse(overridden.Payload).RootElement.GetProperty("override");
        Assert.Equal(opposite, o.GetProperty("state").GetString());
        Assert.Equal(HomeAssistantDiscovery.CommandReason, o.GetProperty("reason").GetString());
        Assert.Equal(opposite == "open", controller.RelayOn);

        await ha.PublishAsync(config.GetProperty("command_topic").GetString()!, template.Replace("{{ value }}", "auto", StringComparison.Ordinal));
        await ha.WaitForAsync($"mpp/{Site}/status", t => t.Contains("\"mode\":\"auto\"", StringComparison.Ordinal) && t.Contains("\"override\":null", StringComparison.Ordinal),
            sinceTimestamp: overridden.At);
        Assert.Equal(initial.GetProperty("state").GetString() == "open", controller.RelayOn);
    }

    [Fact]
    public async Task Disabled_PublishesNothingUnderHomeassistant()
    {
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "ha-off");
        await using var controller = await ControllerTestHost.StartAsync(TimeProvider.System, ControllerTestHost.ExternalArgs(broker.Port));
        await using var ha = await MqttTestClient.ConnectAsync(broker.Port, "homeassistant", TestUsers.Password("homeassistant"));
        await ha.SubscribeAllAsync($"mpp/{Site}/status");
        await ha.WaitForAsync($"mpp/{Site}/status");

        await ha.SubscribeAllAsync("homeassistant/#");
        await ha.PublishAsync(HomeAssistantDiscovery.StatusTopic, "sentinel");
        await ha.WaitForAsync(HomeAssistantDiscovery.StatusTopic, t => t == "sentinel");

        Assert.DoesNotContain(ha.Received, m => m.Topic.EndsWith("/config", StringComparison.Ordinal));
    }
}
