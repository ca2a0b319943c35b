using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MppSignage.Panel.Tests.Support;

/// <summary>A plain MQTT client for the tests (another "MQTT app" beside the panel).</summary>
public static class MqttProbe
{
    /// <summary>Publishes one QoS 1 message as <paramref name="user"/> and disconnects.</summary>
    public static async Task PublishAsync(int port, string user, string password, string topic, byte[] payload)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var connected = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithProtocolVersion(MqttProtocolVersion.V500).WithCredentials(user, password).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(result.IsSuccess, result.ReasonString);
        await client.DisconnectAsync();
    }
}
