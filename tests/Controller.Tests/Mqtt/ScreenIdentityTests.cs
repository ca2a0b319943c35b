using MppSignage.TestSupport;
using MQTTnet;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>
/// Issue 10 item 1: a screen publishes only as its own screen id. User <c>screen</c> is screen
/// <c>pintu-utama</c>, user <c>screen-lobby</c> is screen <c>lobby</c> (Shared/Mqtt/ScreenUsers).
/// </summary>
public sealed class ScreenIdentityTests
{
    private const string Screens = "mpp/probolinggo/screens";

    [Fact]
    public async Task Screen_PublishingAsAnotherScreen_IsRefusedWithReason_AndNotDelivered()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        await admin.SubscribeAsync($"{Screens}/#");
        await using var entrance = await MqttTestClient.ConnectAsync(host.Port, "screen");

        var forged = await entrance.PublishAsync($"{Screens}/lobby/screenshot", "forged");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Contains("only as its own screen id ('pintu-utama'", forged.ReasonString, StringComparison.Ordinal);
        var forgedAvailability = await entrance.PublishAsync($"{Screens}/lobby/availability", """{"online":false}""", retain: true);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forgedAvailability.ReasonCode);
        Assert.True(entrance.IsConnected);

        // As itself it is accepted; once that arrives, the forged ones would have arrived before it.
        var own = await entrance.PublishAsync($"{Screens}/pintu-utama/screenshot", "own");
        Assert.Equal(MqttClientPublishReasonCode.Success, own.ReasonCode);
        await admin.WaitForAsync($"{Screens}/pintu-utama/screenshot");
        Assert.DoesNotContain(admin.Received, m => m.Topic.StartsWith($"{Screens}/lobby/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondScreenUser_PublishesAsLobbyOnly_AndReadsOnlyItsOwnRequests()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var lobby = await MqttTestClient.ConnectAsync(host.Port, TestUsers.Lobby.User);

        var own = await lobby.PublishAsync($"{Screens}/lobby/availability", """{"online":true}""", retain: true);
        Assert.True(MqttTestClient.Accepted(own), $"{own.ReasonCode} {own.ReasonString}");
        var forged = await lobby.PublishAsync($"{Screens}/pintu-utama/screenshot", "forged");
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Contains("('lobby'", forged.ReasonString, StringComparison.Ordinal);

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await lobby.SubscribeAsync($"{Screens}/lobby/screenshot/get"));
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, await lobby.SubscribeAsync($"{Screens}/pintu-utama/screenshot/get"));
    }
}
