using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MppSignage.Controller.Tests.Support;

/// <summary>A real MQTT 5 client for tests: records what it receives and awaits messages with timeouts.</summary>
internal sealed class MqttTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<MqttApplicationMessage> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private MqttTestClient(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _received.Enqueue(e.ApplicationMessage);
            _arrived.Release();
            return Task.CompletedTask;
        };
    }

    public IMqttClient Client => _client;

    public IReadOnlyCollection<MqttApplicationMessage> Received => _received.ToArray();

    public static async Task<MqttTestClient> ConnectAsync(int port, string user, string? password = null)
    {
        var (client, result) = await TryConnectAsync(port, user, password ?? TestUsers.Password(user));
        Assert.True(result == MqttClientConnectResultCode.Success, $"connect as {user}: {result}");
        return client!;
    }

    public static async Task<(MqttTestClient? Client, MqttClientConnectResultCode Code)> TryConnectAsync(int port, string? user, string? password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"test-{user ?? "anon"}-{Guid.NewGuid():N}"[..30])
            .WithTimeout(Timeout);
        if (user is not null)
        {
            builder.WithCredentials(user, password);
        }

        var result = await client.ConnectAsync(builder.Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            return (null, result.ResultCode);
        }

        return (new MqttTestClient(client), result.ResultCode);
    }

    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
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

    /// <summary>Waits for a message on <paramref name="topic"/> whose text satisfies <paramref name="match"/> (received before or after the call).</summary>
    public async Task<MqttApplicationMessage> WaitForAsync(string topic, Func<string, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (true)
        {
            var found = _received.FirstOrDefault(m => m.Topic == topic && (match is null || match(Text(m))));
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"no message on {topic} matching within the timeout; got: {string.Join(" | ", _received.Select(m => m.Topic + " " + Text(m)))}");
            }

            await _arrived.WaitAsync(left);
        }
    }

    public void Clear() => _received.Clear();

    public static string Text(MqttApplicationMessage m) => Encoding.UTF8.GetString(m.Payload.ToArray());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync();
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException)
            {
                // The broker went away first (a test stopped the controller).
            }
        }

        _client.Dispose();
    }
}
