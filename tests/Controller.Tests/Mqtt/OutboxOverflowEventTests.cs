using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;
using MppSignage.TestSupport;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>Issue 10 item 3: results the outbox could not queue are announced, never dropped silently.</summary>
public sealed class OutboxOverflowEventTests
{
    [Fact]
    public async Task FullOutbox_AnnouncesWhatItCouldNotSend_OnTheEventsTopic()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        await staff.SubscribeAsync("mpp/probolinggo/events");

        // Hold the controller's publishes at the broker (a slow or stuck link) while results pile up.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = host.Host.Services.GetRequiredService<EmbeddedBroker>().Server!;
        server.InterceptingPublishAsync += async e =>
        {
            if (e.ClientId.StartsWith("mpp-controller-", StringComparison.Ordinal) && e.ApplicationMessage.Topic.EndsWith("/events", StringComparison.Ordinal))
            {
                await release.Task;
            }
        };
        const int sent = ControllerOutbox.MaxQueued + 100;
        for (var i = 0; i < sent; i++)
        {
            host.Outbox.Publish("mpp/probolinggo/events", System.Text.Encoding.UTF8.GetBytes($$"""{"type":"fill","at":"x","detail":"{{i}}"}"""));
        }

        release.SetResult();
        var overflow = await staff.WaitForAsync("mpp/probolinggo/events", t => t.Contains("\"type\":\"overflow\""), TimeSpan.FromSeconds(30));
        var detail = System.Text.Json.JsonDocument.Parse(overflow.Text).RootElement.GetProperty("detail").GetString()!;
        var dropped = int.Parse(detail.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        // At most two were in flight (taken from the queue) when the link stalled; the rest is counted exactly.
        Assert.InRange(dropped, sent - ControllerOutbox.MaxQueued - 2, sent - ControllerOutbox.MaxQueued);
        var fills = staff.Received.Count(m => m.Text.Contains("\"type\":\"fill\""));
        Assert.Equal(sent, fills + dropped);
        Assert.Contains(host.Logs.Messages(), m => m.Contains("outbox full", StringComparison.Ordinal));
    }
}
