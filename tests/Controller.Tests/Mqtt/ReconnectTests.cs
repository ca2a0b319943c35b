using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;
using MppSignage.TestSupport;
using MQTTnet.Server;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Mqtt;

public sealed class ReconnectTests
{
    [Fact]
    public async Task BrokerAway_DoorFollowsSchedule_AndRetainedTopicsAreRepublishedOnReturn()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 13, 59));
        var server = host.Host.Services.GetRequiredService<EmbeddedBroker>().Server!;
        var client = host.Host.Services.GetRequiredService<ControllerMqttClient>();
        Assert.True(host.RelayOn);

        await server.StopAsync(new MqttServerStopOptions());   // the broker goes away, and with it every retained message
        await Eventually.TrueAsync(() => !client.IsConnected, "the controller to notice the broker is gone");
        await host.AdvanceToAsync(J(2024, 7, 1, 14, 0));
        Assert.False(host.RelayOn);                            // the relay does not need the broker

        await server.StartAsync();
        // The reconnect backoff runs on the TimeProvider: the fake clock moves a second between checks.
        await Eventually.TrueAsync(() => client.IsConnected, "the controller to reconnect", between: () => host.AdvanceAsync(TimeSpan.FromSeconds(1)));
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await screen.SubscribeAsync("mpp/probolinggo/#");
        await screen.WaitForAsync("mpp/probolinggo/status", t => t.Contains("\"state\":\"closed\"") && t.Contains("\"relay\":\"off\""));
        await screen.WaitForAsync("mpp/probolinggo/availability", t => t == "online");
        await screen.WaitForAsync("mpp/probolinggo/schedule");
    }
}
