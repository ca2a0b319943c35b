using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using MppSignage.TestSupport;

namespace MppSignage.MqttHost.Tests;

public sealed class MqttRetainedTests
{
    [Fact]
    public async Task ReadAsync_RetainedTopicAndCompanion_ReturnsBoth()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var controller = await broker.ConnectAsync("controller");
        await Retain(controller.Client, "mpp/t/availability", "online");
        await Retain(controller.Client, "mpp/t/status", "{\"state\":\"open\"}");
        await using var client = await broker.ConnectAsync("screen");
        using var timeout = new CancellationTokenSource(MqttTestClient.DefaultTimeout);

        var read = await MqttRetained.ReadAsync(client.Client, "mpp/t/status", ["mpp/t/availability"], timeout.Token);

        Assert.Null(read.Refused);
        Assert.Equal("{\"state\":\"open\"}", Encoding.UTF8.GetString(read.Payload!));
        Assert.Equal("online", Encoding.UTF8.GetString(read.Companions["mpp/t/availability"]));
    }

    [Fact]
    public async Task ReadAsync_NothingRetained_ThrowsWhenTheCallersTokenEnds()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await broker.ConnectAsync("screen");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => MqttRetained.ReadAsync(client.Client, "mpp/t/announcements", [], timeout.Token));
    }

    [Fact]
    public async Task ReadAsync_SubscriptionRefused_ReturnsTheRefusalAtOnce()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.RefusedSubscriptions.Add("mpp/t/status");
        await using var client = await broker.ConnectAsync("screen");
        using var timeout = new CancellationTokenSource(MqttTestClient.DefaultTimeout);

        var read = await MqttRetained.ReadAsync(client.Client, "mpp/t/status", [], timeout.Token);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, read.Refused);
        Assert.Null(read.Payload);
        Assert.False(timeout.IsCancellationRequested);
    }

    private static Task Retain(IMqttClient client, string topic, string payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag()
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
