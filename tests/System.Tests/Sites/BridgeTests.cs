using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Sites;

/// <summary>
/// deploy-pi/mosquitto/bridge-hall.conf tested with two Mosquitto instances on loopback: a hall's broker
/// (shipped configuration, a running controller) bridged to a city broker (bridge-city.conf and
/// bridge-city.acl): the hall's <c>mpp/{site}/#</c> goes out (retained state stays retained at the city),
/// the city's <c>mpp/all/#</c> comes in, and nothing else crosses.
/// </summary>
public sealed class BridgeTests
{
    private const string Site = "probolinggo";
    private const string BridgePassword = "bridge-test-pw";

    [Fact]
    public async Task HallBridgedToCity_SiteTopicsGoOut_BroadcastsComeIn_NothingElseCrosses()
    {
        var cityAcl = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.MosquittoDirectory, "bridge-city.acl"))).Replace("@SITE_ID@", Site, StringComparison.Ordinal);
        // A test-only observer at the city that may read everything, to see what crosses.
        cityAcl += "\nuser city-observer\ntopic read #\n";
        await using var city = await MosquittoBroker.StartAsync([($"bridge-{Site}", BridgePassword), ("city-admin", "city-admin-pw"), ("city-observer", "observer-pw")], cityAcl,
            label: "city", template: "bridge-city.conf");
        var bridge = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.MosquittoDirectory, "bridge-hall.conf")))
            .Replace("@SITE_ID@", Site, StringComparison.Ordinal)
            .Replace("@CITY_HOST@", "127.0.0.1", StringComparison.Ordinal)
            .Replace("@CITY_PORT@", city.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@BRIDGE_PASSWORD@", BridgePassword, StringComparison.Ordinal);
        await using var hall = await MosquittoBroker.StartAsync(TestUsers.Credentials, extraConfig: bridge, label: "hall");
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning),
            ControllerTestHost.ExternalArgs(hall.Port), extraArgs: ["--HomeAssistant:Enabled=true"]);

        // Out: a city subscriber arriving later finds the hall's state retained at the city.
        await using var watcher = await MqttTestClient.ConnectAsync(city.Port, "city-admin", "city-admin-pw");
        await watcher.SubscribeAllAsync($"mpp/{Site}/availability", $"mpp/{Site}/status");
        await watcher.WaitForAsync($"mpp/{Site}/availability", t => t == "online", TimeSpan.FromSeconds(30));
        await watcher.WaitForAsync($"mpp/{Site}/status");
        await using var cityAdmin = await MqttTestClient.ConnectAsync(city.Port, "city-admin", "city-admin-pw");
        await cityAdmin.SubscribeAllAsync("mpp/#");
        var status = await cityAdmin.WaitForAsync($"mpp/{Site}/status");
        Assert.True(status.Retain, "the hall's status must stay retained across the bridge");
        Assert.Contains("\"state\":\"open\"", status.Text, StringComparison.Ordinal);

        // In: a city broadcast reaches the hall; a city command for the hall does not (commands go to the hall's broker).
        await using var hallAdmin = await MqttTestClient.ConnectAsync(hall.Port, "admin", TestUsers.Password("admin"));
        await hallAdmin.SubscribeAllAsync("mpp/#");
        var command = await cityAdmin.PublishAsync($"mpp/{Site}/override/set", "{\"state\":\"closed\",\"reason\":\"from the city\"}");
        Assert.True(MqttTestClient.Accepted(command), command.ReasonCode.ToString());
        var broadcast = await cityAdmin.PublishAsync("mpp/all/announcements/set",
            "{\"id\":\"bridge-test\",\"kind\":\"text\",\"title\":{\"id\":\"Dari kota\"},\"body\":{\"id\":\"Pengumuman untuk semua MPP\"}}");
        Assert.True(MqttTestClient.Accepted(broadcast), broadcast.ReasonCode.ToString());
        await hallAdmin.WaitForAsync("mpp/all/announcements/set", t => t.Contains("bridge-test", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        // The hall's controller took it into its list, and that list went back out to the city.
        await hallAdmin.WaitForAsync($"mpp/{Site}/announcements", t => t.Contains("bridge-test", StringComparison.Ordinal));
        await cityAdmin.WaitForAsync($"mpp/{Site}/announcements", t => t.Contains("bridge-test", StringComparison.Ordinal));
        Assert.DoesNotContain(hallAdmin.Received, m => m.Topic == $"mpp/{Site}/override/set");
        Assert.True(controller.RelayOn, "a command published at the city must not reach the hall");

        // The hall's other topics (its Home Assistant discovery) stay in the hall.
        await using var everything = await MqttTestClient.ConnectAsync(city.Port, "city-observer", "observer-pw");
        await everything.SubscribeAllAsync("#");
        await using (var hallHa = await MqttTestClient.ConnectAsync(hall.Port, "homeassistant", TestUsers.Password("homeassistant")))
        {
            await hallHa.SubscribeAllAsync("homeassistant/#");
            await hallHa.WaitForAsync($"homeassistant/select/{Site}/override/config");
            await hallHa.PublishAsync("homeassistant/status", "online");
            await hallHa.WaitForAsync($"homeassistant/select/{Site}/override/config", sinceTimestamp: System.Diagnostics.Stopwatch.GetTimestamp() - 1);
        }

        await everything.WaitForAsync($"mpp/{Site}/status");
        await cityAdmin.PublishAsync("mpp/all/announcements/delete", "{\"id\":\"sentinel\"}");
        await everything.WaitForAsync("mpp/all/announcements/delete", t => t.Contains("sentinel", StringComparison.Ordinal));
        Assert.DoesNotContain(everything.Received, m => !m.Topic.StartsWith($"mpp/{Site}/", StringComparison.Ordinal) && !m.Topic.StartsWith("mpp/all/", StringComparison.Ordinal));
        Assert.Empty(controller.Logs.Errors);
    }
}
