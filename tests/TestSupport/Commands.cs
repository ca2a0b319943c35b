using System.Text;
using System.Text.Json;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using Xunit;

namespace MppSignage.TestSupport;

/// <summary>Sends a command the way a well-behaved client does (Response Topic + Correlation Data) and awaits the result.</summary>
internal static class Commands
{
    public static async Task<CommandResult> SendAsync(MqttTestClient client, string user, string topic, byte[] payload, bool retain = false)
    {
        var correlation = Guid.NewGuid().ToByteArray();
        var responseTopic = $"mpp/{ControllerTestHost.Site}/responses/{user}/{Convert.ToHexString(correlation)}";
        Assert.True((int)await client.SubscribeAsync(responseTopic) <= 2, "response topic subscription refused");
        var ack = await client.PublishAsync(topic, payload, retain, responseTopic, correlation);
        Assert.True(ack.IsSuccess, $"PUBACK {ack.ReasonCode} {ack.ReasonString}");
        var answer = await client.WaitForAsync(responseTopic);
        Assert.Equal(correlation, answer.Correlation);
        return JsonSerializer.Deserialize(answer.Text, MqttJsonContext.Wire.CommandResult)!;
    }

    public static Task<CommandResult> SendAsync(MqttTestClient client, string user, string topic, string payload, bool retain = false) =>
        SendAsync(client, user, topic, Encoding.UTF8.GetBytes(payload), retain);

    public static Task<CommandResult> OverrideAsync(MqttTestClient client, string user, string payload) =>
        SendAsync(client, user, $"mpp/{ControllerTestHost.Site}/override/set", payload);
}
