using MQTTnet;

namespace MppSignage.MqttHost;

/// <summary>
/// One connect attempt for short-lived users (CLI verbs, a panel request): every failure becomes one readable
/// sentence instead of an exception.
/// </summary>
public static class MqttConnector
{
    /// <summary>Connects once; on failure the client is disposed and <see cref="MqttConnectAttempt.Problem"/> says why.</summary>
    public static async Task<MqttConnectAttempt> ConnectAsync(MqttEndpoint endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(endpoint.BuildOptions(), ct).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                client.Dispose();
                return new(null, $"the broker at {endpoint.Host}:{endpoint.Port} refused user '{endpoint.Username}': {result.ResultCode}{(string.IsNullOrEmpty(result.ReasonString) ? "" : $" ({result.ReasonString})")}", Refused: true);
            }
        }
        catch (Exception ex) when (MqttConnection.IsConnectionFault(ex))
        {
            client.Dispose();
            return new(null, $"cannot reach the broker at {endpoint.Host}:{endpoint.Port} ({ex.Message})", Refused: false);
        }

        return new(client, null, Refused: false);
    }
}

/// <summary>The outcome of <see cref="MqttConnector.ConnectAsync"/>: a connected client (the caller disposes it) or the problem.</summary>
/// <param name="Client">The connected client, or null.</param>
/// <param name="Problem">Why there is no client: a sentence naming the broker (and the user when refused).</param>
/// <param name="Refused">True when the broker answered and refused (credentials, client id), false when unreachable.</param>
public sealed record MqttConnectAttempt(IMqttClient? Client, string? Problem, bool Refused);
