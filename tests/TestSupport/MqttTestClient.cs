using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Xunit;

namespace MppSignage.TestSupport;

/// <summary>A real MQTT 5 client for tests: records everything it receives and awaits messages with a deadline.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    /// <summary>How long a wait lasts unless the test says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private MqttTestClient(IMqttClient client, string user)
    {
        _client = client;
        User = user;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            _received.Enqueue(new ReceivedMessage(m.Topic, m.Payload.ToArray(), m.Retain, m.CorrelationData, m.ResponseTopic, Stopwatch.GetTimestamp()));
            _arrived.Release();
            return Task.CompletedTask;
        };
    }

    public string User { get; }

    public IMqttClient Client => _client;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMessage> Received => [.. _received];

    /// <summary>Connects as <paramref name="user"/> (password from <see cref="TestUsers"/> unless given); fails the test when refused.</summary>
    public static async Task<MqttTestClient> ConnectAsync(int port, string user, string? password = null, Action<MqttClientOptionsBuilder>? configure = null)
    {
        var (client, code) = await TryConnectAsync(port, user, password ?? TestUsers.Password(user), configure);
        Assert.True(code == MqttClientConnectResultCode.Success, $"connect as {user} on port {port}: {code}");
        return client!;
    }

    /// <summary>Connects and returns the broker's answer instead of failing (wrong credentials do not throw in MQTTnet 5).</summary>
    public static async Task<(MqttTestClient? Client, MqttClientConnectResultCode Code)> TryConnectAsync(int port, string? user, string? password, Action<MqttClientOptionsBuilder>? configure = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"test-{user ?? "anon"}-{Guid.NewGuid():N}"[..32])
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

        return (new MqttTestClient(client, user ?? ""), result.ResultCode);
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }

    /// <summary>Subscribes to every filter; fails the test when one is refused.</summary>
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

    /// <summary>
    /// Waits for a message on <paramref name="topic"/> whose text satisfies <paramref name="match"/>, received
    /// before or after the call (at or after <paramref name="sinceTimestamp"/>, a <see cref="Stopwatch"/> timestamp).
    /// </summary>
    public async Task<ReceivedMessage> WaitForAsync(string topic, Func<string, bool>? match = null, TimeSpan? timeout = null, long sinceTimestamp = 0)
    {
        var limit = timeout ?? DefaultTimeout;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var found = _received.FirstOrDefault(m => m.At >= sinceTimestamp && m.Topic == topic && (match is null || match(m.Text)));
            if (found is not null)
            {
                return found;
            }

            var left = limit - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{User}: no message on {topic} matching within {limit.TotalSeconds:0.#} s; got: {Summary()}");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(0.5) ? left : TimeSpan.FromSeconds(0.5));
        }
    }

    /// <summary>Waits until <paramref name="count"/> received messages satisfy <paramref name="match"/>.</summary>
    public async Task WaitForCountAsync(Func<ReceivedMessage, bool> match, int count, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (_received.Count(match) < count)
        {
            var left = timeout - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{User}: {_received.Count(match)} of {count} expected messages within {timeout.TotalSeconds:0} s");
            }

            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(0.5) ? left : TimeSpan.FromSeconds(0.5));
        }
    }

    public void Clear() => _received.Clear();

    /// <summary>The last messages, shortened, for a failure message.</summary>
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
            // The broker is already gone (a fault test, or the test stopped the controller): nothing to say goodbye to.
        }

        _client.Dispose();
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}

/// <summary>One message a <see cref="MqttTestClient"/> received; <see cref="At"/> is a <see cref="Stopwatch"/> timestamp.</summary>
public sealed record ReceivedMessage(string Topic, byte[] Payload, bool Retain, byte[]? Correlation, string? ResponseTopic, long At)
{
    public string Text => Encoding.UTF8.GetString(Payload);
}
