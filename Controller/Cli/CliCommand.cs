using System.Text.Json;
using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.MqttHost;

namespace MppSignage.Controller.Cli;

/// <summary>
/// One command from a CLI verb: connect, publish with a private MQTT 5 Response Topic and Correlation Data,
/// wait for the controller's <see cref="CommandResult"/> and print it. Exit codes: 0 accepted, 1 refused
/// (by the controller or the broker), no answer, or no connection, 2 a user that cannot name a response topic.
/// </summary>
internal static class CliCommand
{
    /// <summary>
    /// Writes the refusal and returns true when <c>--user</c> cannot name the private response topic
    /// (<c>mpp/{site}/responses/{user}/…</c>): a '/' or wildcard would reach past it.
    /// </summary>
    internal static bool RefusesUser(CliSettings settings, string label, TextWriter error)
    {
        if (string.IsNullOrEmpty(settings.User) || Topics.IsValidTopicLevel(settings.User))
        {
            return false;
        }

        error.WriteLine($"{label}: --user: '{settings.User}' cannot be an MQTT user here: 1-64 characters without '/', '+', '#' or control characters");
        return true;
    }

    /// <summary>The message when the controller does not answer within <c>--timeout</c>.</summary>
    internal static Func<Topics, string> NoAnswer(CliSettings settings) =>
        topics => $"no answer from the controller within {settings.Timeout.TotalSeconds:0} s (is it connected? see {topics.Availability})";

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
        if (RefusesUser(settings, label, error))
        {
            return 2;
        }

        return await settings.WithBrokerAsync(label, error, NoAnswer(settings),
            async (client, topics, token) =>
            {
                var result = await RequestAsync(client, topics, settings, label, topic(topics), payload, "application/json", brokerRefusalHint, error, token);
                if (result is null)
                {
                    return 1;
                }

                if (result.Ok)
                {
                    output.WriteLine($"ok: {success}");
                    return 0;
                }

                error.WriteLine($"refused: {result.Field ?? "-"}: {result.Error}");
                return 1;
            }, ct);
    }

    /// <summary>
    /// One request on an open connection: private response topic, publish, the controller's answer. Null when the
    /// broker refused the publish (already reported on <paramref name="error"/>).
    /// </summary>
    public static async Task<CommandResult?> RequestAsync(
        MQTTnet.IMqttClient client, Topics topics, CliSettings settings, string label, string topic, byte[] payload, string contentType, string? brokerRefusalHint,
        TextWriter error, CancellationToken token)
    {
        await using var request = await MqttRequest.OpenAsync(client, topics, settings.User!, token);
        if (request.ResponseTopicRefused is { } refusedCode)
        {
            error.WriteLine($"{label}: the broker refused the response topic {request.ResponseTopic} ({refusedCode}); the answer will only be on {topics.Events}");
        }

        var published = await request.PublishAsync(topic, payload, contentType,
            [new(MqttUserProperties.User, settings.User!), new(MqttUserProperties.Via, "cli")], token);
        if (!published.IsSuccess)
        {
            error.WriteLine($"{label}: refused by the broker: {published.ReasonCode}{(string.IsNullOrEmpty(published.ReasonString) ? "" : $" ({published.ReasonString})")}{(brokerRefusalHint is null ? "" : $" ({brokerRefusalHint})")}");
            return null;
        }

        return Read(await request.ReplyAsync(token));
    }

    private static CommandResult Read(byte[] answer)
    {
        try
        {
            return JsonSerializer.Deserialize(answer, MqttJsonContext.Wire.CommandResult)!;
        }
        catch (JsonException ex)
        {
            return CommandResult.Refused(null, $"unreadable answer: {ex.Message}");
        }
    }
}
