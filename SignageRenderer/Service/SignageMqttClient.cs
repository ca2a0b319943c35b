using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MppSignage.MqttHost;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Schedule;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Posters;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using NodaTime;

namespace MppSignage.SignageRenderer.Service;

/// <summary>
/// The screen's MQTT client (role <c>screen</c>, read-only apart from its screenshots, previews and its own
/// availability): subscribes to the site's status, availability, schedule and announcements and to its own
/// screenshot and preview requests, feeds
/// <see cref="SignageState"/>, and reconnects with a doubling delay timed by <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignageMqttClient : BackgroundService
{
    private readonly SignageOptions _options;
    private readonly string _screenId;
    private readonly SignageState _state;
    private readonly FrameHolder _frame;
    private readonly SlideComposer _composer;
    private readonly PosterAssets _posters;
    private readonly TimeProvider _time;
    private readonly ILogger<SignageMqttClient> _logger;
    private readonly ILogger<MqttConnection> _connectionLogger;
    private readonly Topics _topics;
    private readonly Channel<MqttApplicationMessage> _screenshotRequests = Channel.CreateBounded<MqttApplicationMessage>(
        new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Creates the client.</summary>
    public SignageMqttClient(IOptions<SignageOptions> options, SignageState state, FrameHolder frame, SlideComposer composer, PosterAssets posters, TimeProvider time, ILogger<SignageMqttClient> logger, ILogger<MqttConnection> connectionLogger)
    {
        _posters = posters;
        _composer = composer;
        _connectionLogger = connectionLogger;
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _screenId = _options.Screen.ScreenId();
        _state = state;
        _frame = frame;
        _time = time;
        _logger = logger;
        _topics = new Topics(_options.Site.SiteId());
    }

    /// <summary>True while connected (for tests and health).</summary>
    public bool IsConnected => _connection?.IsConnected == true;

    private MqttConnection? _connection;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var endpoint = new MqttEndpoint
        {
            Host = SignageOptions.Text(_options.Mqtt.Host) ?? SignageMqttOptions.DefaultHost,
            Port = _options.Mqtt.Port,
            Username = _options.Mqtt.Username ?? SignageMqttOptions.DefaultUsername,
            Password = _options.Mqtt.Password,
            ClientId = $"mpp-signage-{_options.Site.SiteId()}-{_screenId}-{Environment.ProcessId}",
            Tls = _options.Mqtt.Tls,
            TlsCaFile = SignageOptions.Text(_options.Mqtt.TlsCaFile),
            Will = new MqttLastWill(_topics.ScreenAvailability(_screenId), System.Text.Encoding.UTF8.GetString(Availability(online: false))),
            // Posters are the largest messages a screen takes: the broker must not send more (bounded before buffering).
            MaximumPacketSize = (uint)_options.Posters.MaxAssetBytes() + PacketOverhead,
        };
        using var connection = new MqttConnection(endpoint, new MqttBackoff(_options.Mqtt.ReconnectMin, _options.Mqtt.ReconnectMax), _time, _connectionLogger);
        _connection = connection;
        connection.Client.ApplicationMessageReceivedAsync += e =>
        {
            Handle(e.ApplicationMessage);
            return Task.CompletedTask;
        };

        var screenshots = ServeScreenshotsAsync(connection.Client, stoppingToken);
        string[] topics = [_topics.Status, _topics.Availability, _topics.Schedule, _topics.Announcements, _topics.ScreenshotGet(_screenId), _topics.PreviewGet(_screenId)];
        var session = new MqttSession
        {
            Subscriptions = [.. topics.Select(t => new MqttTopicFilterBuilder().WithTopic(t).WithAtLeastOnceQoS().Build())],
            OnConnectedAsync = async (client, ct) =>
            {
                // The screen's own retained availability; its Last Will says offline.
                await client.PublishAsync(AvailabilityMessage(online: true), ct).ConfigureAwait(false);
                _state.SetBrokerConnected(true, Now());
            },
            // Subscribed after every connect: exactly the poster assets the announcements need and the screen lacks.
            WhileConnectedAsync = SubscribePostersAsync,
            // Broker down, refused or unreachable: keep showing the last state (with the badge) until it is back.
            OnDisconnected = () => _state.SetBrokerConnected(false, Now()),
        };
        await connection.RunAsync(session, stoppingToken).ConfigureAwait(false);
        _screenshotRequests.Writer.TryComplete();
        // A clean disconnect does not fire the Last Will: say offline ourselves.
        await connection.DisconnectAsync(AvailabilityMessage(online: false), CancellationToken.None).ConfigureAwait(false);
        await screenshots.ConfigureAwait(false);
        _connection = null;
    }

    /// <summary>Applies one received message to the state.</summary>
    internal void Handle(MqttApplicationMessage message)
    {
        var topic = message.Topic;
        if (_topics.AssetIdOf(topic) is { } sha256)
        {
            // Posters are the big messages: read in place when MQTTnet holds them in one segment (no second copy).
            var bytes = message.Payload;
            if (bytes.IsSingleSegment)
            {
                _posters.OnAsset(sha256, bytes.FirstSpan);
            }
            else
            {
                _posters.OnAsset(sha256, bytes.ToArray());
            }

            return;
        }

        var payload = message.Payload.ToArray();
        if (topic == _topics.Status)
        {
            if (payload.Length == 0)
            {
                _state.SetStatus(null);
                return;
            }

            try
            {
                var status = JsonSerializer.Deserialize(payload, MqttJsonContext.Wire.StatusMessage);
                if (status is null)
                {
                    Log.BadPayload(_logger, topic, "null");
                    return;
                }

                _state.SetStatus(status);
                Log.Received(_logger, "status", $"{status.State}/{status.Phase} ({status.Reason})");
            }
            catch (JsonException ex)
            {
                Log.BadPayload(_logger, topic, ex.Message);
            }
        }
        else if (topic == _topics.Availability)
        {
            var text = Encoding.UTF8.GetString(payload).Trim();
            // Only an explicit "offline" (the Last Will) counts as gone; a cleared retained value is unknown, not offline.
            var online = !string.Equals(text, "offline", StringComparison.OrdinalIgnoreCase);
            if (online)
            {
                Log.ControllerOnline(_logger, text.Length == 0 ? "(cleared)" : text);
            }
            else
            {
                Log.ControllerOffline(_logger, text);
            }

            _state.SetControllerOnline(online, Now());
        }
        else if (topic == _topics.Schedule)
        {
            if (payload.Length == 0)
            {
                return;
            }

            var result = ScheduleLoader.Parse(Encoding.UTF8.GetString(payload));
            if (result.Schedule is null)
            {
                Log.BadPayload(_logger, topic, string.Join("; ", result.Problems.Take(3)));
                return;
            }

            _state.SetSchedule(result.Schedule);
            Log.Received(_logger, "schedule", result.Schedule.Zone.Id);
        }
        else if (topic == _topics.Announcements)
        {
            var result = AnnouncementJson.ParseList(payload, new OpeningHoursWhenEvaluator());
            foreach (var problem in result.Problems)
            {
                Log.BadPayload(_logger, topic, problem.ToString());
            }

            _state.SetAnnouncements(result.Items);
            _posters.OnAnnouncements(result.Items, payload);
            Log.Received(_logger, "announcements", $"{result.Items.Count} item(s)");
        }
        else if (topic == _topics.ScreenshotGet(_screenId) || topic == _topics.PreviewGet(_screenId))
        {
            _screenshotRequests.Writer.TryWrite(message);
        }
    }

    /// <summary>
    /// Keeps the subscriptions to <c>mpp/{site}/assets/{sha256}</c> equal to <see cref="PosterAssets.Wanted"/> while
    /// connected: a poster is asked for when an announcement needs it and the cache lacks it, and let go once stored
    /// or no longer referenced (the broker then stops resending its retained bytes on every reconnect).
    /// </summary>
    private async Task SubscribePostersAsync(IMqttClient client, CancellationToken ct)
    {
        var subscribed = new HashSet<string>(StringComparer.Ordinal);
        while (!ct.IsCancellationRequested)
        {
            var wanted = _posters.Wanted;
            var add = wanted.Except(subscribed).ToList();
            var remove = subscribed.Except(wanted).ToList();
            if (add.Count > 0)
            {
                var subscribe = new MqttClientSubscribeOptionsBuilder();
                foreach (var sha in add)
                {
                    subscribe.WithTopicFilter(new MqttTopicFilterBuilder().WithTopic(_topics.Asset(sha)).WithAtLeastOnceQoS().Build());
                }

                await client.SubscribeAsync(subscribe.Build(), ct).ConfigureAwait(false);
                subscribed.UnionWith(add);
            }

            if (remove.Count > 0)
            {
                var unsubscribe = new MqttClientUnsubscribeOptionsBuilder();
                foreach (var sha in remove)
                {
                    unsubscribe.WithTopicFilter(_topics.Asset(sha));
                }

                await client.UnsubscribeAsync(unsubscribe.Build(), ct).ConfigureAwait(false);
                subscribed.ExceptWith(remove);
            }

            if (add.Count > 0 || remove.Count > 0)
            {
                PosterLog.Subscriptions(_logger, add.Count, remove.Count);
            }

            try
            {
                await _posters.WaitForWantedChangeAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The connection ended; the next one subscribes afresh.
                return;
            }
        }
    }

    private async Task ServeScreenshotsAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        // Encoding a PNG takes ~100 ms: do it here, not in the receive handler, which must stay quick.
        await foreach (var request in _screenshotRequests.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                if (request.Topic == _topics.PreviewGet(_screenId))
                {
                    await ServePreviewAsync(client, request, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                var png = _frame.EncodePng();
                var topic = _topics.Screenshot(_screenId);
                var reply = new MqttApplicationMessageBuilder()
                    .WithTopic(topic)
                    .WithPayload(png)
                    .WithContentType("image/png")
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
                if (request.CorrelationData is { Length: > 0 } correlation)
                {
                    reply.WithCorrelationData(correlation);
                }

                await client.PublishAsync(reply.Build(), stoppingToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(request.ResponseTopic) && request.ResponseTopic != topic)
                {
                    var direct = new MqttApplicationMessageBuilder()
                        .WithTopic(request.ResponseTopic)
                        .WithPayload(png)
                        .WithContentType("image/png")
                        .WithCorrelationData(request.CorrelationData ?? [])
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
                    await client.PublishAsync(direct.Build(), stoppingToken).ConfigureAwait(false);
                }

                Log.ScreenshotPublished(_logger, png.Length, topic);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Not connected or refused: the requester can ask again; the screen carries on.
                Log.ScreenshotFailed(_logger, ex);
            }
        }
    }

    /// <summary>
    /// A draft announcement drawn as this screen draws it (its size, fonts, footer), on a separate bitmap:
    /// PNG on <c>screens/{id}/preview</c> with the request's correlation, or the draft's problems as a refusal.
    /// </summary>
    private async Task ServePreviewAsync(IMqttClient client, MqttApplicationMessage request, CancellationToken ct)
    {
        var parsed = AnnouncementJson.ParseAnnouncement(request.Payload.ToArray(), new OpeningHoursWhenEvaluator());
        byte[] payload;
        string type;
        if (parsed.Announcement is { } draft)
        {
            var snapshot = _state.Snapshot();
            var footer = _composer.Footer(snapshot, Now()).Footer;
            // A directory previews its first page, as this screen pages it.
            payload = _frame.RenderPreviewPng(MppSignage.Shared.Signage.SignageSlides.Announcement(draft, 0, _composer.ServicesPerPage), footer, _options.Site.HeaderName());
            type = "image/png";
        }
        else
        {
            var problem = parsed.Problems.FirstOrDefault();
            payload = JsonSerializer.SerializeToUtf8Bytes(MppSignage.Shared.Control.CommandResult.Refused(problem?.Field, problem?.Reason ?? "not an announcement"), MqttJsonContext.Wire.CommandResult);
            type = "application/json";
        }

        var reply = new MqttApplicationMessageBuilder()
            .WithTopic(_topics.Preview(_screenId))
            .WithPayload(payload)
            .WithContentType(type)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (request.CorrelationData is { Length: > 0 } correlation)
        {
            reply.WithCorrelationData(correlation);
        }

        await client.PublishAsync(reply.Build(), ct).ConfigureAwait(false);
        Log.ScreenshotPublished(_logger, payload.Length, _topics.Preview(_screenId));
    }

    /// <summary>Room for the PUBLISH packet's header and properties around an asset's bytes.</summary>
    private const uint PacketOverhead = 64 * 1024;

    private Instant Now() => Instant.FromDateTimeOffset(_time.GetUtcNow());

    private MqttApplicationMessage AvailabilityMessage(bool online) => new MqttApplicationMessageBuilder()
        .WithTopic(_topics.ScreenAvailability(_screenId))
        .WithPayload(Availability(online))
        .WithRetainFlag(true)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .Build();

    private byte[] Availability(bool online)
    {
        var geometry = _frame.Renderer.Geometry;
        return JsonSerializer.SerializeToUtf8Bytes(
            new ScreenAvailability { Online = online, Width = geometry.Width, Height = geometry.Height, At = online ? IsoTime.Format(Now(), DateTimeZone.Utc) : null },
            MqttJsonContext.Wire.ScreenAvailability);
    }
}
