using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Schedule;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using NodaTime;

namespace MppSignage.SignageRenderer.Service;

/// <summary>
/// The screen's MQTT client (role <c>screen</c>, read-only apart from its screenshots): subscribes to the
/// site's status, availability, schedule and announcements and to its own screenshot requests, feeds
/// <see cref="SignageState"/>, and reconnects with a doubling delay timed by <see cref="TimeProvider"/>.
/// </summary>
public sealed class SignageMqttClient : BackgroundService
{
    private readonly SignageSettings _settings;
    private readonly SignageState _state;
    private readonly FrameHolder _frame;
    private readonly TimeProvider _time;
    private readonly ILogger<SignageMqttClient> _logger;
    private readonly Topics _topics;
    private readonly Channel<MqttApplicationMessage> _screenshotRequests = Channel.CreateBounded<MqttApplicationMessage>(
        new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>Creates the client.</summary>
    public SignageMqttClient(SignageSettings settings, SignageState state, FrameHolder frame, TimeProvider time, ILogger<SignageMqttClient> logger)
    {
        _settings = settings;
        _state = state;
        _frame = frame;
        _time = time;
        _logger = logger;
        _topics = new Topics(settings.SiteId);
    }

    /// <summary>True while connected (for tests and health).</summary>
    public bool IsConnected { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            Handle(e.ApplicationMessage);
            return Task.CompletedTask;
        };

        var screenshots = ServeScreenshotsAsync(client, stoppingToken);
        var delay = _settings.ReconnectMin;
        while (!stoppingToken.IsCancellationRequested)
        {
            var disconnected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            Task OnDisconnected(MqttClientDisconnectedEventArgs e)
            {
                disconnected.TrySetResult(e.ReasonString ?? e.Reason.ToString());
                return Task.CompletedTask;
            }

            client.DisconnectedAsync += OnDisconnected;
            try
            {
                var options = new MqttClientOptionsBuilder()
                    .WithTcpServer(_settings.MqttHost, _settings.MqttPort)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId($"mpp-signage-{_settings.SiteId}-{_settings.ScreenId}-{Environment.ProcessId}")
                    .WithCredentials(_settings.MqttUsername, _settings.MqttPassword)
                    .WithCleanStart(true)
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
                    .WithTimeout(TimeSpan.FromSeconds(10))
                    // The screen's own availability: the broker publishes "offline" when the screen vanishes.
                    .WithWillTopic(_topics.ScreenAvailability(_settings.ScreenId))
                    .WithWillPayload(Availability(online: false))
                    .WithWillRetain(true)
                    .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
                if (_settings.MqttTls)
                {
                    options.WithTlsOptions(SignageMqttTls.Create(_settings.MqttHost, _settings.MqttTlsCaFile));
                }

                var result = await client.ConnectAsync(options.Build(), stoppingToken).ConfigureAwait(false);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new InvalidOperationException($"broker refused the connection: {result.ResultCode} {result.ReasonString}".Trim());
                }

                var subscribe = factory.CreateSubscribeOptionsBuilder()
                    .WithTopicFilter(f => f.WithTopic(_topics.Status).WithAtLeastOnceQoS())
                    .WithTopicFilter(f => f.WithTopic(_topics.Availability).WithAtLeastOnceQoS())
                    .WithTopicFilter(f => f.WithTopic(_topics.Schedule).WithAtLeastOnceQoS())
                    .WithTopicFilter(f => f.WithTopic(_topics.Announcements).WithAtLeastOnceQoS())
                    .WithTopicFilter(f => f.WithTopic(_topics.ScreenshotGet(_settings.ScreenId)).WithAtLeastOnceQoS())
                    .Build();
                await client.SubscribeAsync(subscribe, stoppingToken).ConfigureAwait(false);
                await client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic(_topics.ScreenAvailability(_settings.ScreenId))
                    .WithPayload(Availability(online: true))
                    .WithRetainFlag(true)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(), stoppingToken).ConfigureAwait(false);
                IsConnected = true;
                _state.SetBrokerConnected(true, Now());
                Log.Connected(_logger, _settings.MqttHost, _settings.MqttPort, _settings.MqttUsername);
                delay = _settings.ReconnectMin;

                var reason = await disconnected.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
                Log.Disconnected(_logger, reason);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Broker down, refused or unreachable: keep showing the last state and try again later.
                Log.ConnectFailed(_logger, _settings.MqttHost, _settings.MqttPort, ex.Message, delay);
            }
            finally
            {
                client.DisconnectedAsync -= OnDisconnected;
                IsConnected = false;
                _state.SetBrokerConnected(false, Now());
            }

            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.ReconnectMax.Ticks));
        }

        _screenshotRequests.Writer.TryComplete();
        if (client.IsConnected)
        {
            try
            {
                // A clean disconnect does not fire the Last Will: say offline ourselves.
                await client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic(_topics.ScreenAvailability(_settings.ScreenId))
                    .WithPayload(Availability(online: false))
                    .WithRetainFlag(true)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(), CancellationToken.None).ConfigureAwait(false);
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Shutting down: a failed goodbye changes nothing.
                Log.Disconnected(_logger, ex.Message);
            }
        }

        await screenshots.ConfigureAwait(false);
    }

    /// <summary>Applies one received message to the state.</summary>
    internal void Handle(MqttApplicationMessage message)
    {
        var topic = message.Topic;
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
            Log.Received(_logger, "announcements", $"{result.Items.Count} item(s)");
        }
        else if (topic == _topics.ScreenshotGet(_settings.ScreenId))
        {
            _screenshotRequests.Writer.TryWrite(message);
        }
    }

    private async Task ServeScreenshotsAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        // Encoding a PNG takes ~100 ms: do it here, not in the receive handler, which must stay quick.
        await foreach (var request in _screenshotRequests.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                var png = _frame.EncodePng();
                var topic = _topics.Screenshot(_settings.ScreenId);
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

    private Instant Now() => Instant.FromDateTimeOffset(_time.GetUtcNow());

    private byte[] Availability(bool online)
    {
        var geometry = _frame.Renderer.Geometry;
        return JsonSerializer.SerializeToUtf8Bytes(
            new ScreenAvailability { Online = online, Width = geometry.Width, Height = geometry.Height, At = online ? IsoTime.Format(Now(), DateTimeZone.Utc) : null },
            MqttJsonContext.Wire.ScreenAvailability);
    }
}
