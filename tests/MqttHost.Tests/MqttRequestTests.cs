using System.Buffers;
using System.Text;
using MppSignage.Shared.Mqtt;
using MppSignage.TestSupport;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace MppSignage.MqttHost.Tests;

public sealed class MqttRequestTests
{
    [Fact]
    public async Task Request_ResponderAnswers_OnlyTheReplyWithTheCorrelationIsTaken()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var responder = await broker.ConnectAsync("controller");
        MqttApplicationMessage? seen = null;
        responder.Client.ApplicationMessageReceivedAsync += async e =>
        {
            seen = e.ApplicationMessage;
            var request = e.ApplicationMessage;
            // A stray answer on the same topic with other Correlation Data must not be taken for the reply.
            await responder.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(request.ResponseTopic).WithPayload("stray")
                .WithCorrelationData([1, 2, 3]).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await responder.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(request.ResponseTopic).WithPayload("{\"ok\":true}")
                .WithCorrelationData(request.CorrelationData).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        };
        await responder.Client.SubscribeAsync("mpp/t/override/set", MqttQualityOfServiceLevel.AtLeastOnce);
        await using var client = await broker.ConnectAsync("staff");
        using var timeout = new CancellationTokenSource(MqttTestClient.DefaultTimeout);

        await using var request = await MqttRequest.OpenAsync(client.Client, new Topics("t"), "staff", timeout.Token);
        var published = await request.PublishAsync("mpp/t/override/set", "{\"state\":\"open\"}"u8.ToArray(), "application/json", [new("mpp-via", "cli")], timeout.Token);
        var reply = await request.ReplyAsync(timeout.Token);

        Assert.True(published.IsSuccess);
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(reply));
        Assert.Matches("^mpp/t/responses/staff/[0-9a-f]{32}$", request.ResponseTopic);
        Assert.NotNull(seen);
        Assert.Equal(request.ResponseTopic, seen!.ResponseTopic);
        Assert.Equal(request.Correlation.ToArray(), seen.CorrelationData);
        Assert.Equal("application/json", seen.ContentType);
        Assert.Contains(seen.UserProperties, p => p.Name == "mpp-via" && p.ReadValueAsString() == "cli");
        Assert.False(seen.Retain);
    }

    [Fact]
    public async Task Request_TwoRequests_GetDifferentResponseTopicsAndCorrelations()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await broker.ConnectAsync("staff");
        await using var first = await MqttRequest.OpenAsync(client.Client, new Topics("t"), "staff", CancellationToken.None);
        await using var second = await MqttRequest.OpenAsync(client.Client, new Topics("t"), "staff", CancellationToken.None);
        Assert.NotEqual(first.ResponseTopic, second.ResponseTopic);
        Assert.NotEqual(first.Correlation.ToArray(), second.Correlation.ToArray());
    }

    [Fact]
    public async Task Request_ResponseTopicRefused_IsReportedBeforePublishing()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Server.InterceptingSubscriptionAsync += e =>
        {
            if (e.TopicFilter.Topic.StartsWith("mpp/t/responses/", StringComparison.Ordinal))
            {
                e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
                e.ProcessSubscription = false;
            }

            return Task.CompletedTask;
        };
        await using var client = await broker.ConnectAsync("staff");

        await using var request = await MqttRequest.OpenAsync(client.Client, new Topics("t"), "staff", CancellationToken.None);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, request.ResponseTopicRefused);
    }

    [Theory]
    [InlineData("staff/../admin")] // a level separator would reach another user's response topics
    [InlineData("+")]              // a wildcard is no user
    [InlineData("")]               // empty
    public async Task OpenAsync_UserThatIsNotOneTopicLevel_IsRefused(string user)
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await broker.ConnectAsync("staff");
        await Assert.ThrowsAsync<ArgumentException>(() => MqttRequest.OpenAsync(client.Client, new Topics("t"), user, CancellationToken.None));
    }
}
