using System.Buffers;
using System.Text;
using System.Text.Json;
using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace MppSignage.Controller.Cli;

/// <summary>
/// One command from a CLI verb: connect, publish with a private MQTT 5 Response Topic and Correlation Data,
/// wait for the controller's <see cref="CommandResult"/> and print it. Exit codes: 0 accepted, 1 refused
/// (by the controller or the broker), no answer, or no connection.
/// </summary>
internal static class CliCommand
{
    /// <summary>Sends <paramref name="payload"/> to <paramref name="topic"/> and reports the answer.</summary>
    /// <param name="settings">Connection settings of the verb.</param>
    /// <param name="label">Prefix of the verb's messages, e.g. <c>override</c> or <c>announce add</c>.</param>
    /// <param name="topic">Command topic.</param>
    /// <param name="payload">JSON payload.</param>
    /// <param name="success">What to print after <c>ok: </c> when accepted.</param>
    /// <param name="brokerRefusalHint">Added to a broker refusal (e.g. which role the command needs), or null.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<int> SendAsync(
        CliSettings settings, string label, Func<Topics, string> topic, byte[] payload, string success, string? brokerRefusalHint,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        var (client, connectProblem) = await CliMqtt.ConnectAsync(settings, label.Split(' ')[0], timeout.Token);
        if (client is null)
        {
            error.WriteLine($"{label}: {connectProblem}");
            return 1;
        }

        using (client)
        {
            var topics = new Topics(settings.Site);
            var correlation = Guid.NewGuid().ToByteArray();
            var responseTopic = $"{topics.Responses(settings.User!)}/{Convert.ToHexString(correlation).ToLowerInvariant()}";
            var answer = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            client.ApplicationMessageReceivedAsync += e =>
            {
                if (e.ApplicationMessage.Topic == responseTopic && e.ApplicationMessage.CorrelationData?.AsSpan().SequenceEqual(correlation) == true)
                {
                    try
                    {
                        answer.TrySetResult(JsonSerializer.Deserialize(e.ApplicationMessage.Payload.ToArray(), MqttJsonContext.Wire.CommandResult)!);
                    }
                    catch (JsonException ex)
                    {
                        answer.TrySetResult(CommandResult.Refused(null, $"unreadable answer: {ex.Message}"));
                    }
                }

                return Task.CompletedTask;
            };

            try
            {
                var sub = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(responseTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), timeout.Token);
                if ((int)sub.Items.First().ResultCode > 2)
                {
                    error.WriteLine($"{label}: the broker refused the response topic {responseTopic} ({sub.Items.First().ResultCode}); the answer will only be on {topics.Events}");
                }

                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(topic(topics))
                    .WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithResponseTopic(responseTopic)
                    .WithCorrelationData(correlation)
                    .WithContentType("application/json")
                    .WithUserProperty(MqttUserProperties.User, Encoding.UTF8.GetBytes(settings.User!).AsMemory())
                    .WithUserProperty(MqttUserProperties.Via, "cli"u8.ToArray().AsMemory())
                    .Build();
                var published = await client.PublishAsync(message, timeout.Token);
                if (!published.IsSuccess)
                {
                    error.WriteLine($"{label}: refused by the broker: {published.ReasonCode}{(string.IsNullOrEmpty(published.ReasonString) ? "" : $" ({published.ReasonString})")}{(brokerRefusalHint is null ? "" : $" ({brokerRefusalHint})")}");
                    return 1;
                }

                var result = await answer.Task.WaitAsync(timeout.Token);
                if (result.Ok)
                {
                    output.WriteLine($"ok: {success}");
                    return 0;
                }

                error.WriteLine($"refused: {result.Field ?? "-"}: {result.Error}");
                return 1;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error.WriteLine($"{label}: no answer from the controller within {settings.Timeout.TotalSeconds:0} s (is it connected? see {topics.Availability})");
                return 1;
            }
            catch (MqttCommunicationException ex)
            {
                error.WriteLine($"{label}: connection lost ({ex.Message})");
                return 1;
            }
        }
    }
}
