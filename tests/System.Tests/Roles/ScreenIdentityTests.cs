using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using MQTTnet;

namespace MppSignage.SystemTests.Roles;

/// <summary>
/// Issue 10 item 1, the last part, with MQTT 5 clients on both brokers: a screen publishes only as its own
/// screen id. User <c>screen</c> is screen <c>pintu-utama</c>, user <c>screen-lobby</c> is screen <c>lobby</c>
/// (<see cref="ScreenUsers"/>); on Mosquitto through the shipped ACL plus the lobby block install.sh appends.
/// </summary>
public sealed class ScreenIdentityTests
{
    private const string Screens = $"mpp/{TopicFamily.Site}/screens";

    [Fact]
    public async Task EmbeddedBroker_RefusesAScreenPublishingAsAnother()
    {
        await using var broker = await RoleBroker.StartAsync(TopicFamily.Site);
        await RunAsync(broker.Port, "embedded");
    }

    [Fact]
    public async Task Mosquitto_RefusesAScreenPublishingAsAnother()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepoPaths.MosquittoDirectory, "mpp-signage.acl"));
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, acl: shipped + "\n" + TestUsers.LobbyAcl, label: "screen-identity");
        await RunAsync(broker.Port, "mosquitto");
    }

    /// <summary>Each screen as the other: refused (PUBACK 135) and never delivered; each as itself: accepted and delivered.</summary>
    private static async Task RunAsync(int port, string brokerName)
    {
        await using var admin = await MqttTestClient.ConnectAsync(port, "admin", TestUsers.Password("admin"));
        await admin.SubscribeAsync($"{Screens}/#");
        await using var entrance = await MqttTestClient.ConnectAsync(port, "screen", TestUsers.Password("screen"));
        await using var lobby = await MqttTestClient.ConnectAsync(port, TestUsers.Lobby.User, TestUsers.Lobby.Password);

        var failures = new List<string>();
        foreach (var (client, own, other) in new[] { (entrance, "pintu-utama", "lobby"), (lobby, "lobby", "pintu-utama") })
        {
            foreach (var leaf in new[] { "screenshot", "availability", "preview" })
            {
                var forged = await client.PublishAsync($"{Screens}/{other}/{leaf}", $"forged by {client.User}");
                if (forged.ReasonCode != MqttClientPublishReasonCode.NotAuthorized)
                {
                    failures.Add($"{client.User} publishing {Screens}/{other}/{leaf}: expected NotAuthorized, got {forged.ReasonCode}");
                }

                var accepted = await client.PublishAsync($"{Screens}/{own}/{leaf}", $"own by {client.User}");
                if (!MqttTestClient.Accepted(accepted))
                {
                    failures.Add($"{client.User} publishing {Screens}/{own}/{leaf}: expected it accepted, got {accepted.ReasonCode} {accepted.ReasonString}");
                }
            }
        }

        // The accepted ones arrive; a forged one would have arrived before the last of them (one broker, in order per sender).
        await admin.WaitForCountAsync(m => m.Text.StartsWith("own by ", StringComparison.Ordinal), 6, TimeSpan.FromSeconds(15));
        failures.AddRange(admin.Received.Where(m => m.Text.StartsWith("forged", StringComparison.Ordinal)).Select(m => $"delivered anyway: {m.Topic} {m.Text}"));

        Assert.True(failures.Count == 0, $"{brokerName}:\n{string.Join('\n', failures)}");
        Figures.Record($"screen identity, {brokerName} broker: 6 publishes as another screen refused (NotAuthorized, none delivered), 6 as itself accepted");
    }
}
