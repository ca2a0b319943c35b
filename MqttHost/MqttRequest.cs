using System.Buffers;
using System.Text;
using MppSignage.Shared.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace MppSignage.MqttHost;

/// <summary>
/// One MQTT 5 request/response: a private Response Topic <c>mpp/{site}/responses/{user}/{random id}</c>
/// (<see cref="Topics.ResponseTopic"/>) and random Correlation Data. Open (subscribes the response topic), publish,
/// then wait for the one reply that carries the correlation on that topic. Dispose to stop listening.
/// </summary>
public sealed class MqttRequest : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly byte[] _correlation;
    private readonly TaskCompletionSource<byte[]> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<MqttApplicationMessageReceivedEventArgs, Task>? _handler;

    private MqttRequest(IMqttClient client, string responseTopic, byte[] correlation, MqttClientSubscribeResultCode? refused)
    {
        _client = client;
        ResponseTopic = responseTopic;
        _correlation = correlation;
        ResponseTopicRefused = refused;
    }

    /// <summary>The private response topic of this request.</summary>
    public string ResponseTopic { get; }

    /// <summary>The Correlation Data sent with the request (16 random bytes).</summary>
    public ReadOnlyMemory<byte> Correlation => _correlation;

    /// <summary>The broker's refusal of the response topic subscription (the reply will not arrive), or null when granted.</summary>
    public MqttClientSubscribeResultCode? ResponseTopicRefused { get; }

    /// <summary>
    /// Subscribes the private response topic of <paramref name="user"/>, who must be the user <paramref name="client"/>
    /// authenticated as (the broker lets only that user read it).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="user"/> cannot be a topic level (<see cref="Topics.IsValidTopicLevel"/>).</exception>
    public static async Task<MqttRequest> OpenAsync(IMqttClient client, Topics topics, string user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(topics);
        var correlation = Guid.NewGuid().ToByteArray();
        var responseTopic = topics.ResponseTopic(user, Convert.ToHexString(correlation).ToLowerInvariant());
        MqttRequest? request = null;
        Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
        {
            var message = e.ApplicationMessage;
            if (request is not null && message.Topic == responseTopic && message.CorrelationData?.AsSpan().SequenceEqual(correlation) == true)
            {
                request._reply.TrySetResult(message.Payload.ToArray());
            }

            return Task.CompletedTask;
        }

        client.ApplicationMessageReceivedAsync += OnMessage;
        try
        {
            var sub = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(responseTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct).ConfigureAwait(false);
            var code = sub.Items.First().ResultCode;
            request = new MqttRequest(client, responseTopic, correlation, MqttRetained.IsGranted(code) ? null : code) { _handler = OnMessage };
            return request;
        }
        catch
        {
            client.ApplicationMessageReceivedAsync -= OnMessage;
            throw;
        }
    }

    /// <summary>
    /// Publishes the request (QoS 1, not retained) with the Response Topic and Correlation Data. With MQTT 5 a broker's
    /// ACL refusal shows in the result (<see cref="MqttClientPublishResult.IsSuccess"/> false).
    /// </summary>
    public Task<MqttClientPublishResult> PublishAsync(string topic, byte[] payload, string contentType, IEnumerable<KeyValuePair<string, string>> userProperties, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(userProperties);
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithResponseTopic(ResponseTopic)
            .WithCorrelationData(_correlation)
            .WithContentType(contentType);
        foreach (var (name, value) in userProperties)
        {
            message.WithUserProperty(name, Encoding.UTF8.GetBytes(value).AsMemory());
        }

        return _client.PublishAsync(message.Build(), ct);
    }

    /// <summary>The reply's payload; throws <see cref="OperationCanceledException"/> when none came before <paramref name="ct"/> is cancelled.</summary>
    public Task<byte[]> ReplyAsync(CancellationToken ct) => _reply.Task.WaitAsync(ct);

    /// <summary>Stops listening and unsubscribes the response topic (a long-lived connection must not collect them).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_handler is not null)
        {
            _client.ApplicationMessageReceivedAsync -= _handler;
            _handler = null;
        }

        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(MqttEndpoint.DefaultTimeout);
            await _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(ResponseTopic).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (MqttConnection.IsConnectionFault(ex))
        {
            // The connection is gone or going: its subscriptions go with it.
        }
    }
}
