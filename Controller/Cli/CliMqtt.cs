using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;

namespace MppSignage.Controller.Cli;

/// <summary>Connects a CLI verb to the broker (MQTT 5), turning every failure into one readable line.</summary>
internal static class CliMqtt
{
    public static async Task<(IMqttClient? Client, string? Problem)> ConnectAsync(CliSettings s, string verb, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(s.User) || s.Password is null)
        {
            return (null, "no credentials: give --user and --password (or Cli:Username/Cli:Password, env MPP_Cli__Username/MPP_Cli__Password); anonymous access is refused");
        }

        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(s.Host, s.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"mpp-cli-{verb}-{s.User}-{Guid.NewGuid():N}"[..40])
            .WithCredentials(s.User, s.Password)
            .WithCleanStart(true)
            .WithTimeout(s.Timeout)
            .Build();
        try
        {
            var result = await client.ConnectAsync(options, ct);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                client.Dispose();
                return (null, $"the broker at {s.Host}:{s.Port} refused user '{s.User}': {result.ResultCode}{(string.IsNullOrEmpty(result.ReasonString) ? "" : $" ({result.ReasonString})")}");
            }
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            client.Dispose();
            return (null, $"cannot reach the broker at {s.Host}:{s.Port} ({ex.Message}); is the controller running? (--host/--port, Mqtt:Host/Mqtt:Port)");
        }

        return (client, null);
    }
}
