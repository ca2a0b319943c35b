using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;
using MppSignage.TestSupport;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>Issue 10 item 2: results go only to the sender's own response topics (embedded broker).</summary>
public sealed class ResponseTopicTests
{
    [Theory]
    [InlineData("mpp/probolinggo/status")]                        // retained state every screen shows
    [InlineData("mpp/probolinggo/announcements")]                 // retained list screens parse
    [InlineData("homeassistant/sensor/probolinggo/forged/config")]  // a Home Assistant discovery config
    [InlineData("mpp/probolinggo/responses/admin/x")]             // another user's inbox
    [InlineData("mpp/kota-lain/responses/staff/x")]               // another site
    [InlineData("mpp/probolinggo/responses/staff")]               // the prefix itself, no level below
    public async Task ResponseTopicOutsideTheSendersOwn_GetsNoAnswerThere_ButTheResultIsOnEvents(string responseTopic)
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        var published = new ConcurrentQueue<(string Topic, bool Retain, string Payload)>();
        host.Host.Services.GetRequiredService<EmbeddedBroker>().Server!.InterceptingPublishAsync += e =>
        {
            published.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Retain, System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload))));
            return Task.CompletedTask;
        };
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        await staff.SubscribeAsync("mpp/probolinggo/events");
        var correlation = Guid.NewGuid().ToByteArray();
        var ack = await staff.PublishAsync("mpp/probolinggo/override/set", """{"state":"closed","reason":"uji"}""", responseTopic: responseTopic, correlation: correlation);
        Assert.True(ack.IsSuccess);

        var correlationText = Convert.ToBase64String(correlation);
        await staff.WaitForAsync("mpp/probolinggo/events", t => t.Contains("command-result") && t.Contains(correlationText));
        Assert.DoesNotContain(published, p => p.Topic == responseTopic && p.Payload.Contains("\"ok\"", StringComparison.Ordinal));
        Assert.DoesNotContain(published, p => p.Payload.StartsWith("{\"ok\"", StringComparison.Ordinal) && !p.Topic.Contains("/responses/staff/", StringComparison.Ordinal));

        // The retained status is still a status: a screen connecting now reads the true state.
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await screen.SubscribeAsync("mpp/probolinggo/status");
        var status = await screen.WaitForAsync("mpp/probolinggo/status", t => t.Contains("\"mode\":\"override\""));
        Assert.NotNull(System.Text.Json.JsonSerializer.Deserialize(status.Text, MqttJsonContext.Wire.StatusMessage)!.State);
        Assert.Contains(host.Logs.Messages(), m => m.Contains("no answer on Response Topic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnResponseTopic_GetsTheAnswerWithTheCorrelation()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"closed"}""")).Ok);
    }
}
