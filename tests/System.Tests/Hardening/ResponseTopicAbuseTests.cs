using System.Text;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Hardening;

/// <summary>
/// Issue 10 item 2 with both brokers: a command's Response Topic pointed at a retained or foreign topic gets
/// no answer there (the result still goes to events); the sender's own responses topic does, and with
/// Mosquitto only the sender can read it (the ACL's <c>pattern read mpp/+/responses/%u/#</c>). Through
/// Mosquitto the controller cannot know the sender, so a result sent to another user's inbox is answered
/// there (only that user can read it); the embedded broker refuses that too.
/// </summary>
public sealed class ResponseTopicAbuseTests
{
    private const string Site = "probolinggo";

    public static TheoryData<string, string> Cases => new()
    {
        { "mosquitto", $"mpp/{Site}/status" },                                 // retained state on every screen
        { "mosquitto", $"mpp/{Site}/announcements" },                          // retained list screens parse
        { "mosquitto", $"homeassistant/select/{Site}/override/config" },       // a Home Assistant config
        { "mosquitto", "mpp/kraksaan/status" },                                // another site, through the `+` ACL
        { "embedded", $"mpp/{Site}/status" },
        { "embedded", $"mpp/{Site}/responses/admin/x" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ForeignResponseTopic_GetsNoAnswer_ResultOnEvents(string broker, string responseTopic)
    {
        await using var mosquitto = broker == "mosquitto" ? await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "response-abuse") : null;
        var port = mosquitto?.Port ?? FreePort.Next();
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning),
            mosquitto is null ? ControllerTestHost.EmbeddedArgs(port) : ControllerTestHost.ExternalArgs(port));

        // The admin reads everything of the site; the watcher on the response topic itself is the controller user on
        // Mosquitto (it reads mpp/+/#) and admin on the embedded broker.
        await using var admin = await MqttTestClient.ConnectAsync(port, "admin", TestUsers.Password("admin"));
        await admin.SubscribeAllAsync("mpp/#");
        await using var ha = await MqttTestClient.ConnectAsync(port, "homeassistant", TestUsers.Password("homeassistant"));
        await ha.SubscribeAllAsync("homeassistant/#");
        await admin.WaitForAsync($"mpp/{Site}/status");

        await using var staff = await MqttTestClient.ConnectAsync(port, "staff", TestUsers.Password("staff"));
        await staff.SubscribeAllAsync($"mpp/{Site}/events");
        var correlation = Guid.NewGuid().ToByteArray();
        // Through Mosquitto the sender names itself (the embedded broker stamps it); a liar gains nothing either.
        var ack = await staff.PublishAsync($"mpp/{Site}/override/set", Encoding.UTF8.GetBytes("""{"state":"closed","reason":"uji"}"""),
            responseTopic: responseTopic, correlation: correlation);
        Assert.True(MqttTestClient.Accepted(ack), ack.ReasonCode.ToString());
        var b64 = Convert.ToBase64String(correlation);
        await staff.WaitForAsync($"mpp/{Site}/events", t => t.Contains("command-result") && t.Contains(b64));
        // Give a wrongly routed answer the time to arrive before looking for it: the status after the override
        // comes after the result, so once it is there any answer would be too.
        await admin.WaitForAsync($"mpp/{Site}/status", t => t.Contains("\"mode\":\"override\""));

        Assert.DoesNotContain(admin.Received, m => m.Topic == responseTopic && m.Text.Contains("\"ok\"", StringComparison.Ordinal));
        Assert.DoesNotContain(ha.Received, m => m.Topic == responseTopic && m.Text.Contains("\"ok\"", StringComparison.Ordinal));
        Assert.Equal(0, controller.Logs.ErrorCount);
    }

    [Fact]
    public async Task Mosquitto_OwnResponsesTopic_IsAnswered_AndOnlyItsUserCanReadIt()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "response-own");
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning),
            ControllerTestHost.ExternalArgs(mosquitto.Port));
        await using var staff = await MqttTestClient.ConnectAsync(mosquitto.Port, "staff", TestUsers.Password("staff"));
        await using var screen = await MqttTestClient.ConnectAsync(mosquitto.Port, "screen", TestUsers.Password("screen"));
        var responseTopic = $"mpp/{Site}/responses/staff/{Guid.NewGuid():N}";
        await staff.SubscribeAllAsync(responseTopic);
        await screen.SubscribeAllAsync($"mpp/{Site}/responses/#");
        var ack = await staff.PublishAsync($"mpp/{Site}/override/set", Encoding.UTF8.GetBytes("""{"state":"closed"}"""), responseTopic: responseTopic, correlation: [1, 2, 3]);
        Assert.True(MqttTestClient.Accepted(ack));
        var answer = await staff.WaitForAsync(responseTopic);
        Assert.Contains("\"ok\":true", answer.Text);
        Assert.DoesNotContain(screen.Received, m => m.Topic == responseTopic);
    }
}
