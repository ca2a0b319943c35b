using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MppSignage.SystemTests.Support;

/// <summary>A real MQTT 5 client for the tests: records everything it receives and awaits messages with timeouts.</summary>
internal sealed class MqttProbe : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private MqttProbe(IMqttClient client, string user)
    {
        _client = client;
        User = user;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Enqueue(new Received(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain,
                e.ApplicationMessage.CorrelationData, Stopwatch.GetTimestamp()));
            _arrived.Release();
            return Task.CompletedTask;
        };
    }

    public string User { get; }

    public IMqttClient Client => _client;

    public bool IsConnected => _client.IsConnected;

    public IReadOnlyList<Received> Messages => [.. _received];

    public static async Task<MqttProbe> ConnectAsync(int port, string user, string password, Action<MqttClientOptionsBuilder>? configure = null)
    {
        var (probe, code) = await TryConnectAsync(port, user, password, configure);
        Assert.True(code == MqttClientConnectResultCode.Success, $"connect as {user} on port {port}: {code}");
        return probe!;
    }

    public static async Task<(MqttProbe? Probe, MqttClientConnectResultCode Code)> TryConnectAsync(int port, string user, string? password, Action<MqttClientOptionsBuilder>? configure = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"probe-{user}-{Guid.NewGuid():N}"[..32])
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(user))
        {
            builder.WithCredentials(user, password);
        }

        configure?.Invoke(builder);
        var result = await client.ConnectAsync(builder.Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            return (null, result.ResultCode);
        }

        return (new MqttProbe(client, user), result.ResultCode);
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }

    public async Task SubscribeAllAsync(params string[] filters)
    {
        foreach (var f in filters)
        {
            var code = await SubscribeAsync(f);
            Assert.True((int)code <= 2, $"{User} subscribing to {f}: {code}");
        }
    }

    public Task<MqttClientPublishResult> PublishAsync(string topic, string payload, bool retain = false, string? responseTopic = null, byte[]? correlation = null) =>
        PublishAsync(topic, Encoding.UTF8.GetBytes(payload), retain, responseTopic, correlation);

    public Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload, bool retain = false, string? responseTopic = null, byte[]? correlation = null)
    {
        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (responseTopic is not null)
        {
            builder.WithResponseTopic(responseTopic);
        }

        if (correlation is not null)
        {
            builder.WithCorrelationData(correlation);
        }

        return _client.PublishAsync(builder.Build());
    }

    /// <summary>True when the broker accepted the publish (MQTT 5: Success, or NoMatchingSubscribers from Mosquitto).</summary>
    public static bool Accepted(MqttClientPublishResult r) =>
        r.ReasonCode is MqttClientPublishReasonCode.Success or MqttClientPublishReasonCode.NoMatchingSubscribers;

    /// <summary>Waits for a message on <paramref name="topic"/> whose text matches (received before or after the call).</summary>
    public async Task<Received> WaitForAsync(string topic, Func<string, bool>? match = null, TimeSpan? timeout = null, long sinceTimestamp = 0)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? DefaultTimeout).TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var found = _received.FirstOrDefault(m => m.At >= sinceTimestamp && m.Topic == topic && (match is null || match(m.Text)));
            if (found is not null)
            {
                return found;
            }

            var left = (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency;
            if (left <= 0)
            {
                throw new TimeoutException($"{User}: no message on {topic} matching within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s; got: {Summary()}");
            }

            await _arrived.WaitAsync(TimeSpan.FromSeconds(Math.Min(left, 0.5)));
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages satisfy <paramref name="match"/>.</summary>
    public async Task WaitForCountAsync(Func<Received, bool> match, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (_received.Count(match) < count)
        {
            var left = (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency;
            if (left <= 0)
            {
                throw new TimeoutException($"{User}: {_received.Count(match)} of {count} expected messages within {timeout.TotalSeconds:0} s");
            }

            await _arrived.WaitAsync(TimeSpan.FromSeconds(Math.Min(left, 0.5)));
        }
    }

    public void Clear() => _received.Clear();

    public string Summary(int max = 12) => string.Join(" | ", _received.TakeLast(max).Select(m => $"{m.Topic} {Shorten(m.Text)}"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            // The broker is already gone (a fault test): nothing to say goodbye to.
        }

        _client.Dispose();
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    /// <summary>One received message.</summary>
    internal sealed record Received(string Topic, byte[] Payload, bool Retain, byte[]? Correlation, long At)
    {
        public string Text => Encoding.UTF8.GetString(Payload);
    }
}
