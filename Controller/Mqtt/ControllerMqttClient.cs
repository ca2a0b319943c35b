using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Door;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.MqttHost;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Input;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// The controller's MQTT connection: connects (MQTT 5, Last Will <c>offline</c> on availability),
/// subscribes to every command handler's topics, republishes all retained topics after each (re)connect,
/// sends the outbox, and answers every command on its Response Topic and on the events topic.
/// Reconnects with exponential backoff timed by the TimeProvider; the door keeps following the local
/// schedule meanwhile.
/// </summary>
internal sealed class ControllerMqttClient : BackgroundService
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(5);

    private readonly MqttOptions _options;
    private readonly string _site;
    private readonly Topics _topics;
    private readonly ControllerOutbox _outbox;
    private readonly Auditor _auditor;
    private readonly DoorLoop _loop;
    private readonly InternalCredential _credential;
    private readonly TimeProvider _time;
    private readonly ILogger<ControllerMqttClient> _logger;
    private readonly Dictionary<string, IMqttCommandHandler> _handlers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IMqttTopicObserver> _observers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IMqttRequestHandler> _requests = new(StringComparer.Ordinal);
    private readonly MqttConnection _connection;
    private readonly IMqttClient _client;
    private long _handled;
    private readonly System.Threading.Channels.Channel<MqttApplicationMessage> _commands =
        System.Threading.Channels.Channel.CreateBounded<MqttApplicationMessage>(new System.Threading.Channels.BoundedChannelOptions(256) { FullMode = System.Threading.Channels.BoundedChannelFullMode.Wait });

    // Slow commands (IMqttCommandHandler.RunsAside: image uploads) wait here, at most one behind the one running: each
    // holds a payload of up to megabytes, so the lane is bounded by bytes as well as count.
    private const int AsideQueued = 1;
    private static readonly CommandResult Busy = CommandResult.Refused("payload", "the controller is busy with other uploads (one is processed at a time, one more may wait); send it again in a few seconds");
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<MqttApplicationMessage, CommandResult> _busy = new();
    private readonly System.Threading.Channels.Channel<MqttApplicationMessage> _aside =
        System.Threading.Channels.Channel.CreateBounded<MqttApplicationMessage>(new System.Threading.Channels.BoundedChannelOptions(AsideQueued) { FullMode = System.Threading.Channels.BoundedChannelFullMode.Wait });

    public ControllerMqttClient(
        IOptions<MqttOptions> options,
        IOptions<SiteOptions> site,
        TopicsProvider topics,
        ControllerOutbox outbox,
        Auditor auditor,
        DoorLoop loop,
        IEnumerable<IMqttCommandHandler> handlers,
        IEnumerable<IMqttTopicObserver> observers,
        IEnumerable<IMqttRequestHandler> requests,
        InternalCredential credential,
        TimeProvider time,
        ILogger<ControllerMqttClient> logger,
        ILogger<MqttConnection> connectionLogger)
    {
        _options = options.Value;
        _site = site.Value.Id;
        _topics = topics.Topics;
        _outbox = outbox;
        _auditor = auditor;
        _loop = loop;
        _credential = credential;
        _time = time;
        _logger = logger;
        foreach (var handler in handlers)
        {
            foreach (var topic in handler.TopicsFor(_topics))
            {
                if (!_handlers.TryAdd(topic, handler))
                {
                    throw new InvalidOperationException($"Two command handlers claim the topic {topic}; register each topic once.");
                }
            }
        }

        foreach (var observer in observers)
        {
            foreach (var topic in observer.TopicsFor(_topics))
            {
                _observers[topic] = observer;
            }
        }

        foreach (var request in requests)
        {
            foreach (var topic in request.TopicsFor(_topics))
            {
                _requests[topic] = request;
            }
        }

        var host = _options.IsEmbedded ? ConnectHostForBind(_options.BindAddress) : _options.Host;
        var (user, password) = _options.IsEmbedded ? (_credential.Username, _credential.Password) : (_options.Username!, _options.Password!);
        var endpoint = new MqttEndpoint
        {
            Host = host,
            Port = _options.Port,
            Username = user,
            Password = password,
            // Not guessable (see MqttOptions.ClientId): made once per process, so nobody can claim it first.
            ClientId = _options.ClientId ?? $"mpp-controller-{_site}-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}",
            Tls = _options.Tls,
            TlsCaFile = _options.TlsCaFile,
            Will = new MqttLastWill(_topics.Availability, "offline"),
        };
        _connection = new MqttConnection(endpoint, new MqttBackoff(TimeSpan.FromSeconds(_options.ReconnectMinSeconds), TimeSpan.FromSeconds(_options.ReconnectMaxSeconds)), time, connectionLogger);
        _client = _connection.Client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            // Hand commands to their own task: the receive loop must stay free to process the PUBACKs
            // of our own publishes (status, results), or every command would wait on itself.
            var m = e.ApplicationMessage;
            if (_handlers.TryGetValue(m.Topic, out var h) && h.RunsAside && !(m.Retain && m.Payload.Length == 0))
            {
                // Slow commands go to their own bounded lane at once; when it is full only what the busy answer needs is
                // kept (not the megabytes), so a flood of uploads cannot pile up in memory.
                if (_aside.Writer.TryWrite(m))
                {
                    return Task.CompletedTask;
                }

                var stripped = new MqttApplicationMessage { Topic = m.Topic, ResponseTopic = m.ResponseTopic, CorrelationData = m.CorrelationData, UserProperties = m.UserProperties };
                _busy.AddOrUpdate(stripped, Busy);
                return _commands.Writer.WriteAsync(stripped).AsTask();
            }

            return _commands.Writer.WriteAsync(m).AsTask();
        };
    }

    /// <summary>Whether the controller is connected to the broker now.</summary>
    public bool IsConnected => _connection.IsConnected;

    /// <summary>Command messages handled (answered or ignored) since start.</summary>
    internal long Handled => Interlocked.Read(ref _handled);

    /// <summary>
    /// Test and soak hook: queues <paramref name="message"/> as if the broker had delivered it (same queue, same
    /// back-pressure, same handling), so a soak measures the command path without the socket round trips.
    /// </summary>
    internal ValueTask InjectAsync(MqttApplicationMessage message, CancellationToken cancellationToken) =>
        _commands.Writer.WriteAsync(message, cancellationToken);

    /// <summary>The topics commands are accepted on.</summary>
    public IReadOnlyCollection<string> CommandTopics => _handlers.Keys;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A clean disconnect does not fire the Last Will, so say offline ourselves.
        await _connection.DisconnectAsync(Retained(_topics.Availability, "offline"), cancellationToken);
        _connection.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var commands = Task.Run(() => ProcessCommandsAsync(stoppingToken), stoppingToken);
        var aside = Task.Run(() => ProcessAsideAsync(stoppingToken), stoppingToken);
        try
        {
            await _connection.RunAsync(Session(), stoppingToken);
        }
        finally
        {
            _commands.Writer.TryComplete();
            _aside.Writer.TryComplete();
            await commands.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await aside.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ProcessCommandsAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var message in _commands.Reader.ReadAllAsync(ct))
            {
                if (_busy.TryGetValue(message, out var busy))
                {
                    _busy.Remove(message);
                    await OnMessageAsync(message, busy);
                    Interlocked.Increment(ref _handled);
                    continue;
                }

                if (_handlers.TryGetValue(message.Topic, out var handler) && handler.RunsAside && !(message.Retain && message.Payload.Length == 0))
                {
                    // Injected (InjectAsync) rather than received: the same lane.
                    await _aside.Writer.WriteAsync(message, ct);
                    continue;
                }

                await OnMessageAsync(message);
                Interlocked.Increment(ref _handled);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down; queued commands get no answer, like any command sent to a stopped controller.
        }
    }

    private async Task ProcessAsideAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var message in _aside.Reader.ReadAllAsync(ct))
            {
                await OnMessageAsync(message);
                Interlocked.Increment(ref _handled);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down, as above.
        }
    }

    private MqttSession Session()
    {
        var filters = new List<MqttTopicFilter>();
        foreach (var topic in _handlers.Keys)
        {
            // Retain-as-published lets us see (and refuse) a command someone published with the retain flag.
            filters.Add(new MqttTopicFilterBuilder().WithTopic(topic).WithAtLeastOnceQoS().WithRetainAsPublished(true)
                .WithRetainHandling(MqttRetainHandling.SendAtSubscribe).Build());
        }

        foreach (var topic in _observers.Keys)
        {
            filters.Add(new MqttTopicFilterBuilder().WithTopic(topic).WithAtLeastOnceQoS().Build());
        }

        foreach (var topic in _requests.Keys)
        {
            filters.Add(new MqttTopicFilterBuilder().WithTopic(topic).WithAtLeastOnceQoS().Build());
        }

        return new MqttSession
        {
            Subscriptions = filters,
            OnConnectedAsync = async (client, ct) =>
            {
                await client.PublishAsync(Retained(_topics.Availability, "online"), ct);
                _outbox.MarkAllDirty();
            },
            WhileConnectedAsync = (_, ct) => PumpAsync(ct),
        };
    }

    private async Task PumpAsync(CancellationToken ct)
    {
        var lastPing = _time.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            var dirty = _outbox.TakeDirty();
            for (var i = 0; i < dirty.Count; i++)
            {
                try
                {
                    ControllerMetrics.RetainedQueued.Record(ControllerMetrics.Since(dirty[i].Since), new KeyValuePair<string, object?>("topic", dirty[i].Topic));
                    await PublishCheckedAsync(Retained(dirty[i].Topic, dirty[i].Payload), ct);
                }
                catch
                {
                    _outbox.ReturnDirty(dirty.Skip(i).Select(d => d.Topic));
                    throw;
                }
            }

            // One queued message per turn, so a new status (retained, dirty) never waits behind a queue of events.
            if (_outbox.TryTake(out var message))
            {
                await PublishCheckedAsync(message!, ct);
                continue;
            }

            // The queue has drained: say how many events and results it had to refuse while full.
            if (_outbox.TakeDropped() is > 0 and var dropped)
            {
                Log.OutboxOverflow(_logger, ControllerOutbox.MaxQueued, dropped);
                var overflow = JsonSerializer.SerializeToUtf8Bytes(new EventMessage
                {
                    Type = "overflow",
                    At = IsoTime.Format(NodaTime.Instant.FromDateTimeOffset(_time.GetUtcNow()), _loop.Zone),
                    By = "controller",
                    Detail = $"{dropped} event(s) or command result(s) were not sent: the outbox held {ControllerOutbox.MaxQueued}; the controller's journal has them",
                }, MqttJsonContext.Wire.EventMessage);
                try
                {
                    await PublishCheckedAsync(new MqttApplicationMessageBuilder().WithTopic(_topics.Events).WithPayload(overflow)
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithContentType("application/json").Build(), ct);
                }
                catch
                {
                    _outbox.ReturnDropped(dropped);
                    throw;
                }

                continue;
            }

            // Sleep until there is something to send or the next ping is due, not in 1 s steps: an idle
            // controller then wakes once per ping (a lost connection is seen by MqttConnection's drop watch).
            var untilPing = PingEvery - _time.GetElapsedTime(lastPing);
            await _outbox.WaitAsync(untilPing > TimeSpan.Zero ? untilPing : TimeSpan.Zero, ct);
            if (_time.GetElapsedTime(lastPing) >= PingEvery || !_client.IsConnected)
            {
                lastPing = _time.GetTimestamp();
                if (!await _client.TryPingAsync(ct))
                {
                    throw new TimeoutException("the broker did not answer a ping");
                }
            }
        }
    }

    private async Task PublishCheckedAsync(MqttApplicationMessage message, CancellationToken ct)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await _client.PublishAsync(message, ct);
        ControllerMetrics.Publish.Record(ControllerMetrics.Since(start), new KeyValuePair<string, object?>("topic", message.Topic));
        if (!result.IsSuccess)
        {
            // A refusal (e.g. an ACL on an external broker) is a configuration problem, not a lost connection.
            Log.MqttPublishRefused(_logger, message.Topic, result.ReasonCode.ToString(), result.ReasonString ?? "");
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessage message, CommandResult? refusal = null)
    {
        if (_observers.TryGetValue(message.Topic, out var observer))
        {
            observer.OnMessage(message.Topic, message.Payload.IsSingleSegment ? message.Payload.FirstSpan : message.Payload.ToArray(), message.Retain);
            return;
        }

        if (_requests.TryGetValue(message.Topic, out var request))
        {
            // Read-only requests: answered only on the sender's own response topic (the same rule as command
            // results), never audited.
            if (!message.Retain && message.Payload.Length <= CommandLimits.MaxPayloadBytes
                && message.ResponseTopic is { } requestReply && IsSendersResponseTopic(message, requestReply))
            {
                _outbox.Publish(message.ResponseTopic, request.Handle(new MqttCommand(message.Topic, message.Payload.ToArray(), SenderOf(message))), message.CorrelationData);
            }

            return;
        }

        if (!_handlers.TryGetValue(message.Topic, out var handler))
        {
            return;
        }

        var payload = message.Payload;
        if (message.Retain && payload.Length == 0)
        {
            // Someone cleared a retained command with an empty retained message: nothing to answer.
            return;
        }

        var sender = SenderOf(message);
        var correlation = message.CorrelationData;
        CommandResult result;
        if (correlation is { Length: > CommandLimits.MaxCorrelationBytes })
        {
            // Refused before it is copied into an answer, an event or the journal (each would carry it whole).
            result = CommandResult.Refused("correlationData", $"correlation data is {correlation.Length} bytes; the limit is {CommandLimits.MaxCorrelationBytes} bytes");
            correlation = null;
        }
        else if (message.Retain)
        {
            result = CommandResult.Refused("retain", "commands must not be retained; publish without the retain flag (and clear it with an empty retained message)");
        }
        else if (refusal is not null)
        {
            result = refusal;
        }
        else if (handler.PayloadLimitKey is null && CommandPayload.CheckSize(payload.Length) is { } tooLarge)
        {
            result = tooLarge;
        }
        else if (handler.PayloadLimitKey is { } limitKey && payload.Length > handler.MaxPayloadBytes)
        {
            result = CommandResult.Refused("payload", $"the payload is {payload.Length} bytes; {limitKey} is {handler.MaxPayloadBytes} bytes");
        }
        else
        {
            try
            {
                result = await handler.HandleAsync(new MqttCommand(message.Topic, payload.ToArray(), sender), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A handler bug must not drop the connection or leave the sender without an answer.
                Log.CommandFailed(_logger, message.Topic, ex);
                result = CommandResult.Refused(null, "internal error while applying the command; see the controller log");
            }
        }

        if (result.Ok)
        {
            Log.CommandAccepted(_logger, message.Topic, sender);
        }
        else
        {
            Log.CommandRefused(_logger, message.Topic, sender, result.Field ?? "-", result.Error ?? "");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(result, MqttJsonContext.Wire.CommandResult);
        if (message.ResponseTopic is { } responseTopic)
        {
            // Only the sender's own response topics: the controller's rights must not carry a result onto the
            // status, the announcements, a Home Assistant config, another user's or another site's topics.
            // The embedded broker stamps the sender, so it must be the topic's user. Through an external broker
            // the sender is only claimed: a claim must match, and without one the result still goes only to a
            // responses topic, which Mosquitto's ACL (pattern read …/responses/%u/#) lets only that user read.
            if (IsSendersResponseTopic(message, responseTopic))
            {
                _outbox.Publish(responseTopic, bytes, correlation);
            }
            else
            {
                Log.ResponseTopicRefused(_logger, UntrustedText.ForLog(responseTopic, 120), sender);
            }
        }

        _auditor.Record(new EventMessage
        {
            Type = "command-result",
            At = IsoTime.Format(NodaTime.Instant.FromDateTimeOffset(_time.GetUtcNow()), _loop.Zone),
            By = sender,
            Topic = message.Topic,
            Ok = result.Ok,
            Error = result.Error,
            Field = result.Field,
            Detail = result.Sha256 is { } asset ? $"asset {asset} kept: {result.Width}×{result.Height}, {result.Bytes} bytes ({result.Note})" : null,
            Correlation = correlation is { Length: > 0 } c ? Convert.ToBase64String(c) : null,
        }, correlation);
    }

    /// <summary>The sender's user name as the broker stamped it (embedded) or as claimed (external), or null.</summary>
    private static string? SenderUserOf(MqttApplicationMessage message) =>
        message.UserProperties?.LastOrDefault(p => p.Name == MqttUserProperties.User)?.ReadValueAsString() is { Length: > 0 and <= UntrustedText.MaxLoggedChars } user
            ? user
            : null;

    private static bool IsVerified(MqttApplicationMessage message) =>
        message.UserProperties?.Any(p => p.Name == MqttUserProperties.Verified && p.ReadValueAsString() == "true") == true;

    private bool IsSendersResponseTopic(MqttApplicationMessage message, string responseTopic)
    {
        var owner = _topics.ResponseTopicOwner(responseTopic);
        var claimed = SenderUserOf(message);
        return owner is not null && (_options.IsEmbedded
            ? claimed == owner && IsVerified(message)
            : claimed is null || claimed == owner);
    }

    private string SenderOf(MqttApplicationMessage message)
    {
        var props = message.UserProperties;
        var user = props?.LastOrDefault(p => p.Name == MqttUserProperties.User)?.ReadValueAsString();
        var verified = props?.Any(p => p.Name == MqttUserProperties.Verified && p.ReadValueAsString() == "true") == true;
        if (string.IsNullOrWhiteSpace(user))
        {
            return "unknown";
        }

        user = UntrustedText.ForLog(user);
        var via = props!.LastOrDefault(p => p.Name == MqttUserProperties.Via)?.ReadValueAsString() switch { "cli" => " via cli", MqttUserProperties.ViaPanel => " via panel", _ => "" };
        return verified && _options.IsEmbedded ? user + via : $"{user} (claimed){via}";
    }

    private static string ConnectHostForBind(string bind) =>
        bind is "0.0.0.0" or "::" ? "127.0.0.1" : bind;

    private static MqttApplicationMessage Retained(string topic, string payload) => Retained(topic, Encoding.UTF8.GetBytes(payload));

    private static MqttApplicationMessage Retained(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
}
