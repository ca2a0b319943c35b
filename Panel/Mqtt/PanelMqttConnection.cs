using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Options;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MppSignage.Panel.Mqtt;

/// <summary>
/// The ONE place the panel talks MQTT: one broker connection per logged-in user, made with that user's
/// own name and password (the CONNACK is the password check), so the broker ACL and the controller's
/// validation stay the authority. Keeps what the pages show (retained status, availability, announcements,
/// screens) and sends requests with a private Response Topic <c>mpp/{site}/responses/{user}/{id}</c>.
/// Reconnects with the password held in memory for the session only.
/// </summary>
public sealed class PanelMqttConnection : IAsyncDisposable
{
    /// <summary>Largest message kept (screenshots are ~100-600 KiB PNGs; anything bigger is dropped).</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly PanelOptions _options;
    private readonly Topics _topics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<MqttApplicationMessage>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScreenInfo> _screens = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly object _changeGate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _password = "";
    private Task? _reconnect;

    /// <summary>Creates an unconnected connection for <paramref name="user"/>.</summary>
    public PanelMqttConnection(string user, PanelOptions options, TimeProvider time, ILogger logger)
    {
        User = user;
        _options = options;
        _topics = new Topics(options.Site);
        _time = time;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            OnMessage(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += e =>
        {
            if (!_stop.IsCancellationRequested && _reconnect is null or { IsCompleted: true } && _password.Length > 0)
            {
                Signal();
                _reconnect = Task.Run(() => ReconnectLoopAsync(_stop.Token));
            }

            return Task.CompletedTask;
        };
    }

    /// <summary>The broker user this connection acts as.</summary>
    public string User { get; }

    /// <summary>The site's topics.</summary>
    public Topics Topics => _topics;

    /// <summary>True while connected to the broker.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>The last retained status (null before the first one).</summary>
    public StatusMessage? Status { get; private set; }

    /// <summary>The controller's retained availability: true online, false offline (Last Will), null unknown.</summary>
    public bool? ControllerOnline { get; private set; }

    /// <summary>The retained announcement list as published by the controller.</summary>
    public IReadOnlyList<Announcement> Announcements { get; private set; } = [];

    /// <summary>Every screen seen on <c>mpp/{site}/screens/+/availability</c>.</summary>
    public IReadOnlyCollection<ScreenInfo> Screens => _screens.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    /// <summary>Bumped on every change the live pages show.</summary>
    public long Version { get; private set; }

    /// <summary>Connects as <paramref name="user"/>; returns the broker's answer (Success only when the password is right).</summary>
    public async Task<MqttClientConnectResultCode> ConnectAsync(string password, CancellationToken ct)
    {
        var result = await ConnectOnceAsync(password, ct).ConfigureAwait(false);
        if (result == MqttClientConnectResultCode.Success)
        {
            _password = password;
        }

        return result;
    }

    /// <summary>Completes at the next change after <paramref name="version"/> (or at once when already newer).</summary>
    public Task WaitForChangeAsync(long version, CancellationToken ct)
    {
        lock (_changeGate)
        {
            return Version != version ? Task.CompletedTask : _changed.Task.WaitAsync(ct);
        }
    }

    /// <summary>
    /// Publishes <paramref name="payload"/> on <paramref name="topic"/> (QoS 1, never retained) with a private
    /// Response Topic and waits for the answer. Null answer with a reason when the broker refused or nobody answered.
    /// </summary>
    public async Task<(MqttApplicationMessage? Answer, string? Problem)> RequestAsync(string topic, byte[] payload, TimeSpan timeout, CancellationToken ct)
    {
        if (!_client.IsConnected)
        {
            return (null, "broker");
        }

        var id = Guid.NewGuid().ToString("N");
        var waiter = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        try
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithResponseTopic($"{_topics.Responses(User)}/{id}")
                .WithCorrelationData(Encoding.ASCII.GetBytes(id))
                .WithUserProperty(PanelWire.UserProperty, Encoding.UTF8.GetBytes(User))
                .WithUserProperty(PanelWire.ViaProperty, Encoding.UTF8.GetBytes(PanelWire.Via))
                .Build();
            var published = await _client.PublishAsync(message, ct).ConfigureAwait(false);
            if (!published.IsSuccess)
            {
                Log.BrokerRefusedPublish(_logger, User, topic, published.ReasonCode.ToString());
                return (null, "denied");
            }

            using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timer.CancelAfter(timeout);
            try
            {
                return (await waiter.Task.WaitAsync(timer.Token).ConfigureAwait(false), null);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return (null, "timeout");
            }
        }
        catch (MqttCommunicationException ex)
        {
            Log.RequestFailed(_logger, User, topic, ex.Message);
            return (null, "broker");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _password = "";
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is MqttCommunicationException or ObjectDisposedException or OperationCanceledException)
        {
            // Logging out while the broker is gone: nothing to close.
        }

        if (_reconnect is { } r)
        {
            await r.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task<MqttClientConnectResultCode> ConnectOnceAsync(string password, CancellationToken ct)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.MqttHost, _options.MqttPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId($"mpp-panel-{User}-{Guid.NewGuid():N}"[..48])
            .WithCredentials(User, password)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(5));
        if (_options.MqttTls)
        {
            var tls = new MqttClientTlsOptionsBuilder().UseTls().WithTargetHost(_options.MqttHost);
            if (!string.IsNullOrWhiteSpace(_options.MqttTlsCaFile))
            {
                var authority = SiteCertificateAuthority.Load(_options.MqttTlsCaFile);
                tls.WithCertificateValidationHandler(e => authority.Trusts(e.Certificate, e.SslPolicyErrors));
            }

            builder.WithTlsOptions(tls.Build());
        }

        var result = await _client.ConnectAsync(builder.Build(), ct).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            return result.ResultCode;
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(_topics.Status, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(_topics.Availability, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(_topics.Announcements, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{_topics.Responses(User)}/#", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{_topics.Root}/screens/+/availability", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{_topics.Root}/screens/+/screenshot", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        // Staff may not read the screens' topics: the broker refuses those filters, which is fine.
        await _client.SubscribeAsync(subscribe, ct).ConfigureAwait(false);
        Signal();
        return result.ResultCode;
    }

    private async Task ReconnectLoopAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!ct.IsCancellationRequested && !_client.IsConnected)
        {
            try
            {
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                var password = _password;
                if (password.Length == 0)
                {
                    return;
                }

                var code = await ConnectOnceAsync(password, ct).ConfigureAwait(false);
                if (code == MqttClientConnectResultCode.Success)
                {
                    Log.Reconnected(_logger, User);
                    return;
                }

                Log.ReconnectRefused(_logger, User, code.ToString());
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is MqttCommunicationException or System.Net.Sockets.SocketException or InvalidOperationException or TimeoutException or OperationCanceledException)
            {
                // The broker is still away; try again after a longer pause.
                Log.ReconnectFailed(_logger, User, ex.Message);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private void OnMessage(MqttApplicationMessage message)
    {
        if (message.Payload.Length > MaxMessageBytes)
        {
            return;
        }

        if (message.CorrelationData is { Length: > 0 and <= 64 } correlation
            && _pending.TryGetValue(Encoding.ASCII.GetString(correlation), out var waiter))
        {
            waiter.TrySetResult(message);
        }

        var topic = message.Topic;
        var payload = message.Payload.ToArray();
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
