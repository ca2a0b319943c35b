using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.Tests.Support;
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
        await WaitUntil(() => !client.IsConnected);
        await host.AdvanceToAsync(J(2024, 7, 1, 14, 0));
        Assert.False(host.RelayOn);                            // the relay does not need the broker

        await server.StartAsync();
        for (var i = 0; i < 100 && !client.IsConnected; i++)
        {
            await host.AdvanceAsync(TimeSpan.FromSeconds(1));  // reconnect backoff runs on the TimeProvider
            await Task.Delay(50);
        }

        Assert.True(client.IsConnected, "the controller did not reconnect");
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await screen.SubscribeAsync("mpp/probolinggo/#");
        await screen.WaitForAsync("mpp/probolinggo/status", t => t.Contains("\"state\":\"closed\"") && t.Contains("\"relay\":\"off\""));
        await screen.WaitForAsync("mpp/probolinggo/availability", t => t == "online");
        await screen.WaitForAsync("mpp/probolinggo/schedule");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(20);
        }
    }
}
