using System.Buffers;
using MQTTnet;
using MQTTnet.Protocol;

namespace MppSignage.MqttHost;

/// <summary>
/// Reads retained topics: subscribe and wait for the retained message the broker sends at once
/// (<c>mpp-controller status</c>, <c>announce list</c>, a panel page). Waits until the caller's token is
/// cancelled: pass one with a timeout.
/// </summary>
public static class MqttRetained
{
    /// <summary>
    /// Subscribes to each of <paramref name="companions"/> (kept if a retained message arrives before the main one), then to
    /// <paramref name="topic"/>, and returns its retained payload. A refused subscription to <paramref name="topic"/> returns
    /// at once with <see cref="RetainedRead.Refused"/>. Throws <see cref="OperationCanceledException"/> when nothing came in time.
    /// </summary>
    public static async Task<RetainedRead> ReadAsync(IMqttClient client, string topic, IReadOnlyList<string> companions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(companions);
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var others = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
        {
            var message = e.ApplicationMessage;
            if (message.Topic == topic)
            {
                received.TrySetResult(message.Payload.ToArray());
            }
            else if (companions.Contains(message.Topic, StringComparer.Ordinal))
            {
                lock (others)
                {
                    others[message.Topic] = message.Payload.ToArray();
                }
            }

            return Task.CompletedTask;
        }

        client.ApplicationMessageReceivedAsync += OnMessage;
        try
        {
            foreach (var companion in companions)
            {
                // One subscription each, in order: a companion's retained message is delivered before the main topic's.
                await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(companion, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct).ConfigureAwait(false);
            }

            var sub = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct).ConfigureAwait(false);
            var code = sub.Items.First().ResultCode;
            if (!IsGranted(code))
            {
                return new RetainedRead(null, code, Snapshot(others));
            }

            var payload = await received.Task.WaitAsync(ct).ConfigureAwait(false);
            return new RetainedRead(payload, null, Snapshot(others));
        }
        finally
        {
            client.ApplicationMessageReceivedAsync -= OnMessage;
        }
    }

    /// <summary>True for a granted subscription (QoS 0, 1 or 2); the others are refusals.</summary>
    public static bool IsGranted(MqttClientSubscribeResultCode code) => (int)code <= 2;

    private static Dictionary<string, byte[]> Snapshot(Dictionary<string, byte[]> others)
    {
        lock (others)
        {
            return new Dictionary<string, byte[]>(others, StringComparer.Ordinal);
        }
    }
}

/// <summary>The result of <see cref="MqttRetained.ReadAsync"/>.</summary>
/// <param name="Payload">The retained payload of the topic, or null when the subscription was refused.</param>
/// <param name="Refused">The broker's refusal of the subscription, or null when granted.</param>
/// <param name="Companions">Retained payloads of the companion topics that arrived first, by topic.</param>
public sealed record RetainedRead(byte[]? Payload, MqttClientSubscribeResultCode? Refused, IReadOnlyDictionary<string, byte[]> Companions);
