using MppSignage.TestSupport;
using MQTTnet;

namespace MppSignage.Controller.Tests.Mqtt;

public sealed class BrokerSmokeTests
{
    [Fact]
    public async Task Connect_AdminWithPassword_Succeeds()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        var (client, code) = await MqttTestClient.TryConnectAsync(host.Port, "admin", "admin-pw");
        Assert.Equal(MqttClientConnectResultCode.Success, code);
        await client!.DisposeAsync();
    }
}
