using MppSignage.TestSupport;
using MQTTnet;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>The embedded broker enforces the role table: denials are visible as MQTT 5 reason codes.</summary>
public sealed class BrokerAccessTests
{
    [Fact]
    public async Task Staff_CannotPublishSchedule_GetsNotAuthorized()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        var ack = await staff.PublishAsync("mpp/probolinggo/schedule/set", """{"timeZone":"Asia/Jakarta","versions":[]}""");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
        Assert.Contains("may not publish", ack.ReasonString);
        Assert.True(staff.Client.IsConnected);
    }

    [Fact]
    public async Task Screen_CannotOverride_GetsNotAuthorized_AndDoorUnchanged()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        var ack = await screen.PublishAsync("mpp/probolinggo/override/set", """{"state":"closed"}""");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, ack.ReasonCode);
        await host.Loop.DrainAsync();
        Assert.True(host.RelayOn);
    }

    [Fact]
    public async Task Screen_SubscribedToEverything_ReceivesOnlyStateTopics()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await screen.SubscribeAsync("mpp/#"));
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await screen.SubscribeAsync("mpp/probolinggo/events"));
        await screen.WaitForAsync("mpp/probolinggo/status");   // retained state arrives
        Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"closed"}""")).Ok);
        await screen.WaitForAsync("mpp/probolinggo/status", t => t.Contains("\"mode\":\"override\""));
        Assert.DoesNotContain(screen.Received, m => m.Topic.EndsWith("/set", StringComparison.Ordinal) || m.Topic.EndsWith("/events", StringComparison.Ordinal) || m.Topic.Contains("/responses/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, MqttClientConnectResultCode.NotAuthorized)]                   // anonymous
    [InlineData("staff", "wrong", MqttClientConnectResultCode.BadUserNameOrPassword)]     // wrong password
    [InlineData("nobody", "x", MqttClientConnectResultCode.BadUserNameOrPassword)]        // unknown user
    public async Task Connect_WithoutValidCredentials_IsRefused(string? user, string? password, MqttClientConnectResultCode expected)
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        var (client, code) = await MqttTestClient.TryConnectAsync(host.Port, user, password);
        Assert.Null(client);
        Assert.Equal(expected, code);
    }

    [Fact]
    public async Task Availability_IsOnlineRetained_AndOfflineAfterStop()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await screen.SubscribeAsync("mpp/probolinggo/availability");
        var online = await screen.WaitForAsync("mpp/probolinggo/availability", t => t == "online");
        Assert.True(online.Retain);
    }
}
