using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MppSignage.MqttHost;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Options;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MQTTnet;

namespace MppSignage.Panel.Mqtt;

/// <summary>
/// The panel's MQTT access, one per logged-in user, on the house's one connection piece (<c>MqttHost</c>):
/// the login is a connect attempt as that user (the CONNACK is the password check), then a long-lived
/// <see cref="MqttConnection"/> with the same credentials keeps what the pages show (retained status,
/// availability, announcements, screens) and carries every request of the session on the user's own
/// connection. The password lives only in this object's endpoint, in memory, for the reconnects.
/// </summary>
public sealed class PanelMqttConnection : IAsyncDisposable
{
    /// <summary>Largest message kept (screenshots are PNGs of a few hundred KiB; bigger ones are dropped).</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly MqttEndpoint _endpoint;
    private readonly Topics _topics;
    private readonly ILogger _logger;
    private readonly MqttConnection _connection;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _extraReplies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScreenInfo> _screens = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _changeGate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _run;

    private PanelMqttConnection(MqttEndpoint endpoint, Topics topics, TimeProvider time, ILoggerFactory loggers)
    {
        _endpoint = endpoint;
        _topics = topics;
        _logger = loggers.CreateLogger<PanelMqttConnection>();
        _connection = new MqttConnection(endpoint, new MqttBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)), time, loggers.CreateLogger<MqttConnection>());
        _connection.Client.ApplicationMessageReceivedAsync += e =>
        {
            OnMessage(e.ApplicationMessage);
            return Task.CompletedTask;
        };
    }

    /// <summary>The broker user this connection acts as.</summary>
    public string User => _endpoint.Username;

    /// <summary>The site's topics.</summary>
    public Topics Topics => _topics;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _connection.IsConnected;

    /// <summary>The last retained status (null before the first one).</summary>
    public StatusMessage? Status { get; private set; }

    /// <summary>The controller's retained availability: true online, false offline (Last Will), null unknown.</summary>
    public bool? ControllerOnline { get; private set; }

    /// <summary>The retained announcement list as published by the controller.</summary>
    public IReadOnlyList<Announcement> Announcements { get; private set; } = [];

    /// <summary>The retained schedule document in force (text, as the controller published it), or null.</summary>
    public string? ScheduleDocument { get; private set; }

    /// <summary>Every screen seen on <c>mpp/{site}/screens/+/availability</c>.</summary>
    public IReadOnlyCollection<ScreenInfo> Screens => _screens.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    /// <summary>Bumped on every change the live pages show.</summary>
    public long Version { get; private set; }

    /// <summary>
    /// The login: one connect attempt as <paramref name="user"/>. On success the session's own connection is
    /// started and returned; otherwise the attempt's outcome (refused = wrong credentials, else unreachable).
    /// </summary>
    public static async Task<(PanelMqttConnection? Connection, MqttConnectAttempt Attempt)> LoginAsync(string user, string password, PanelOptions options, TimeProvider time, ILoggerFactory loggers, CancellationToken ct)
    {
        var endpoint = new MqttEndpoint
        {
            Host = options.MqttHost,
            Port = options.MqttPort,
            Username = user,
            Password = password,
            ClientId = $"mpp-panel-{Guid.NewGuid():N}",
            Tls = options.MqttTls,
            TlsCaFile = options.MqttTlsCaFile,
            Timeout = TimeSpan.FromSeconds(5),
        };
        var attempt = await MqttConnector.ConnectAsync(endpoint, ct).ConfigureAwait(false);
        if (attempt.Client is not { } check)
        {
            return (null, attempt);
        }

        // The check connection has done its job; the session's connection (with reconnects) replaces it.
        using (check)
        {
            await check.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), ct).ConfigureAwait(false);
        }

        var connection = new PanelMqttConnection(endpoint, new Topics(options.Site), time, loggers);
        connection.Start();
        return (connection, attempt);
    }

    /// <summary>Completes at the next change after <paramref name="version"/> (or at once when already newer).</summary>
    public Task WaitForChangeAsync(long version, CancellationToken ct)
    {
        lock (_changeGate)
        {
            return Version != version ? Task.CompletedTask : _changed.Task.WaitAsync(ct);
        }
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until the connection is up, e.g. right after the login.</summary>
    public async Task<bool> WaitConnectedAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            while (!_connection.IsConnected)
            {
                await WaitForChangeAsync(Version, cts.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// After the login: waits until connected and the retained status is in (at most <paramref name="timeout"/>),
    /// so the first page shows the door as it is. Retained messages arrive right after the subscription.
    /// </summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            while (!_connection.IsConnected || Status is null || ControllerOnline is null)
            {
                await WaitForChangeAsync(Version, cts.Token).ConfigureAwait(false);
            }

            // The screens' retained availability comes with the same subscription burst.
            await Task.Delay(TimeSpan.FromMilliseconds(50), cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A controller that never published: the pages say so.
        }
    }

    /// <summary>
    /// Sends a controller command (override, announcement, schedule) as <see cref="RequestAsync"/> does and reads
    /// the controller's <see cref="CommandResult"/>. The one command path of the panel's pages: a null result comes
    /// with the problem (<c>denied</c>, <c>timeout</c>, <c>broker</c>; an answer that is not a result counts as <c>timeout</c>).
    /// </summary>
    public async Task<(CommandResult? Result, string? Problem)> CommandAsync(string topic, byte[] payload, TimeSpan timeout, CancellationToken ct)
    {
        var (answer, problem) = await RequestAsync(topic, payload, timeout, ct).ConfigureAwait(false);
        if (answer is null)
        {
            return (null, problem);
        }

        try
        {
            return JsonSerializer.Deserialize(answer, MqttJsonContext.Wire.CommandResult) is { } result ? (result, null) : (null, "timeout");
        }
        catch (JsonException)
        {
            return (null, "timeout");
        }
    }

    /// <summary>
    /// Sends a request on the user's own connection (QoS 1, private Response Topic, Correlation Data) and waits
    /// for the answer. <paramref name="alsoOn"/> is a further topic whose message with the same correlation
    /// counts as the answer (a screen publishes its screenshot on its own topic). Null answer: <c>denied</c>
    /// (broker ACL), <c>timeout</c> or <c>broker</c> (not connected).
    /// </summary>
    public async Task<(byte[]? Answer, string? Problem)> RequestAsync(string topic, byte[] payload, TimeSpan timeout, CancellationToken ct, string? alsoOn = null)
    {
        if (!await WaitConnectedAsync(TimeSpan.FromSeconds(3), ct).ConfigureAwait(false))
        {
            return (null, "broker");
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        string? key = null;
        try
        {
            await using var request = await MqttRequest.OpenAsync(_connection.Client, _topics, User, cts.Token).ConfigureAwait(false);
            var extra = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (alsoOn is not null)
            {
                key = alsoOn + "|" + Convert.ToHexString(request.Correlation.Span);
                _extraReplies[key] = extra;
            }

            var published = await request.PublishAsync(topic, payload, "application/json", [new(MqttUserProperties.User, User), new(MqttUserProperties.Via, MqttUserProperties.ViaPanel)], cts.Token).ConfigureAwait(false);
            if (!published.IsSuccess)
            {
                Log.BrokerRefusedPublish(_logger, User, topic, published.ReasonCode.ToString());
                return (null, "denied");
            }

            var reply = request.ReplyAsync(cts.Token);
            var first = await Task.WhenAny(reply, extra.Task.WaitAsync(cts.Token)).ConfigureAwait(false);
            return (await first.ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, "timeout");
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            Log.RequestFailed(_logger, User, topic, ex.Message);
            return (null, "broker");
        }
        finally
        {
            if (key is not null)
            {
                _extraReplies.TryRemove(key, out _);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is { } run)
        {
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _connection.DisconnectAsync(null, CancellationToken.None).ConfigureAwait(false);
        _connection.Dispose();
        _stop.Dispose();
    }

    private void Start()
    {
        string[] filters =
        [
            _topics.Status,
            _topics.Availability,
            _topics.Schedule,
            _topics.Announcements,
            $"{_topics.Root}/screens/+/availability",
            $"{_topics.Root}/screens/+/screenshot",
            $"{_topics.Root}/screens/+/preview",
        ];
        var session = new MqttSession
        {
            // Staff may not read the screens' topics: the broker grants those filters but delivers nothing.
            Subscriptions = [.. filters.Select(f => new MqttTopicFilterBuilder().WithTopic(f).WithAtLeastOnceQoS().Build())],
            OnConnectedAsync = (_, _) =>
            {
                Signal();
                return Task.CompletedTask;
            },
            OnDisconnected = Signal,
        };
        _run = Task.Run(() => _connection.RunAsync(session, _stop.Token));
    }

    private void OnMessage(MqttApplicationMessage message)
    {
        if (message.Payload.Length > MaxMessageBytes)
        {
            return;
        }

        var topic = message.Topic;
        if (message.CorrelationData is { Length: > 0 and <= 64 } correlation
            && _extraReplies.TryGetValue(topic + "|" + Convert.ToHexString(correlation), out var waiter))
        {
            waiter.TrySetResult(System.Buffers.BuffersExtensions.ToArray(message.Payload));
            return;
        }

        var payload = System.Buffers.BuffersExtensions.ToArray(message.Payload);
        if (topic == _topics.Status)
        {
            try
            {
                Status = payload.Length == 0 ? null : JsonSerializer.Deserialize(payload, MqttJsonContext.Wire.StatusMessage);
            }
            catch (JsonException ex)
            {
                Log.BadPayload(_logger, topic, ex.Message);
            }
        }
        else if (topic == _topics.Availability)
        {
            var text = Encoding.UTF8.GetString(payload).Trim();
            ControllerOnline = text.Length == 0 ? null : !string.Equals(text, "offline", StringComparison.OrdinalIgnoreCase);
        }
        else if (topic == _topics.Schedule)
        {
            ScheduleDocument = payload.Length == 0 ? null : Encoding.UTF8.GetString(payload);
        }
        else if (topic == _topics.Announcements)
        {
            Announcements = AnnouncementJson.ParseList(payload, new OpeningHoursWhenEvaluator()).Items;
        }
        else if (ScreenIdOf(topic, "availability") is { } screenId)
        {
            if (payload.Length == 0)
            {
                _screens.TryRemove(screenId, out _);
            }
            else
            {
                try
                {
                    var info = JsonSerializer.Deserialize(payload, MqttJsonContext.Wire.ScreenAvailability);
                    _screens[screenId] = new ScreenInfo(screenId, info?.Online == true, info?.Width, info?.Height, info?.At);
                }
                catch (JsonException ex)
                {
                    Log.BadPayload(_logger, topic, ex.Message);
                }
            }
        }
        else
        {
            return;
        }

        Signal();
    }

    private string? ScreenIdOf(string topic, string leaf)
    {
        var prefix = $"{_topics.Root}/screens/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal) || !topic.EndsWith("/" + leaf, StringComparison.Ordinal))
        {
            return null;
        }

        var id = topic[prefix.Length..^(leaf.Length + 1)];
        return id.Length is > 0 and <= 64 && !id.Contains('/') ? id : null;
    }

    private void Signal()
    {
        lock (_changeGate)
        {
            Version++;
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}

/// <summary>One screen as its retained availability describes it.</summary>
public sealed record ScreenInfo(string Id, bool Online, int? Width, int? Height, string? At);
