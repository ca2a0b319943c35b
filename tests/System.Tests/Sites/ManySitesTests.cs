using System.Text.Json;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using MQTTnet;

namespace MppSignage.SystemTests.Sites;

/// <summary>
/// Two halls on one (city) Mosquitto: controllers with different Site:Id, each hall's users bound to its
/// site by an ACL generated from RoleTopicRules. Commands, state and availability stay per site.
/// </summary>
public sealed class ManySitesTests
{
    private const string A = "probolinggo";
    private const string B = "kraksaan";

    internal static readonly (string User, MqttRole Role, string Site, string Password)[] SiteUsers =
    [
        ($"controller-{A}", MqttRole.Controller, A, "ca-pw"),
        ($"staff-{A}", MqttRole.Staff, A, "sa-pw"),
        ($"controller-{B}", MqttRole.Controller, B, "cb-pw"),
        ($"staff-{B}", MqttRole.Staff, B, "sb-pw"),
        ("city-admin", MqttRole.Admin, "+", "admin-pw"),
    ];

    internal static string CityAcl() => string.Concat(SiteUsers.Select(u => RoleTopicRules.ToMosquittoAcl([(u.User, u.Role)], u.Site)));

    internal static string Password(string user) => SiteUsers.Single(u => u.User == user).Password;

    [Fact]
    public async Task TwoSitesOnOneBroker_StayIndependent_BroadcastReachesBoth()
    {
        await using var broker = await MosquittoBroker.StartAsync(SiteUsers.Select(u => (u.User, u.Password)), CityAcl(), label: "two-sites");
        await using var a = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning), ControllerTestHost.ExternalArgs(broker.Port, $"controller-{A}", Password($"controller-{A}")), site: A);
        await using var b = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning), ControllerTestHost.ExternalArgs(broker.Port, $"controller-{B}", Password($"controller-{B}")), site: B);
        await using var city = await MqttTestClient.ConnectAsync(broker.Port, "city-admin", Password("city-admin"));
        await city.SubscribeAllAsync("mpp/#");
        var statusA = await city.WaitForAsync($"mpp/{A}/status");
        var statusB = await city.WaitForAsync($"mpp/{B}/status");
        await city.WaitForAsync($"mpp/{A}/availability", t => t == "online");
        await city.WaitForAsync($"mpp/{B}/availability", t => t == "online");
        var relayB = b.RelayOn;
        var opposite = State(statusA) == "open" ? "closed" : "open";

        // Hall A's staff overrides hall A; it may not touch hall B.
        await using var staffA = await MqttTestClient.ConnectAsync(broker.Port, $"staff-{A}", Password($"staff-{A}"));
        var own = await staffA.PublishAsync($"mpp/{A}/override/set", $"{{\"state\":\"{opposite}\",\"reason\":\"queue\"}}");
        var foreign = await staffA.PublishAsync($"mpp/{B}/override/set", $"{{\"state\":\"{opposite}\",\"reason\":\"mischief\"}}");
        Assert.True(MqttTestClient.Accepted(own), own.ReasonCode.ToString());
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);

        var overridden = await city.WaitForAsync($"mpp/{A}/status", t => t.Contains("\"mode\":\"override\"", StringComparison.Ordinal));
        Assert.Equal(opposite, State(overridden));
        Assert.Equal(opposite == "open", a.RelayOn);
        await city.WaitForAsync($"mpp/{A}/events", t => t.Contains("\"type\":\"override\"", StringComparison.Ordinal));

        // Hall B heard nothing: no command on its topic, no event, no new status, relay as before.
        await using var sentinel = await MqttTestClient.ConnectAsync(broker.Port, $"controller-{B}", Password($"controller-{B}"));
        await sentinel.PublishAsync($"mpp/{B}/events", "{\"type\":\"sentinel\"}");
        await city.WaitForAsync($"mpp/{B}/events", t => t.Contains("sentinel", StringComparison.Ordinal));
        Assert.DoesNotContain(city.Received, m => m.Topic == $"mpp/{B}/status" && m.At > statusB.At);
        Assert.DoesNotContain(city.Received, m => m.Topic == $"mpp/{B}/override/set");
        Assert.DoesNotContain(city.Received, m => m.Topic == $"mpp/{B}/events" && m.Text.Contains("override", StringComparison.Ordinal));
        Assert.Equal(relayB, b.RelayOn);

        // A broadcast announcement (mpp/all/...) reaches both halls: each keeps it in its own retained list.
        var broadcast = await city.PublishAsync("mpp/all/announcements/set",
            "{\"id\":\"libur-kota\",\"kind\":\"text\",\"title\":{\"id\":\"Libur\"},\"body\":{\"id\":\"Semua MPP tutup besok\"}}");
        Assert.True(MqttTestClient.Accepted(broadcast), broadcast.ReasonCode.ToString());
        await city.WaitForAsync($"mpp/{A}/announcements", t => t.Contains("libur-kota", StringComparison.Ordinal));
        await city.WaitForAsync($"mpp/{B}/announcements", t => t.Contains("libur-kota", StringComparison.Ordinal));

        // Hall A's staff may not broadcast.
        var staffBroadcast = await staffA.PublishAsync("mpp/all/announcements/set", "{\"id\":\"x\"}");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, staffBroadcast.ReasonCode);

        // One hall going away does not take the other's availability with it.
        await a.DisposeAsync();
        await city.WaitForAsync($"mpp/{A}/availability", t => t == "offline");
        var availabilityB = city.Received.Last(m => m.Topic == $"mpp/{B}/availability");
        Assert.Equal("online", availabilityB.Text);
    }

    private static string State(ReceivedMessage status) => JsonDocument.Parse(status.Payload).RootElement.GetProperty("state").GetString()!;
}
