using System.Net;
using System.Net.Sockets;
using System.Text;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Service;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;
using System.Buffers;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.TestSupport;

namespace MppSignage.SignageRenderer.Tests.Service;

/// <summary>The whole renderer service against a real MQTT broker (MQTTnet's server on loopback).</summary>
public sealed class MqttRendererTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _dir = TempDir();
    private readonly Topics _topics = new("probolinggo");
    private MqttServer? _server;
    private int _port;
    private IHost? _host;

    public async Task InitializeAsync()
    {
        _port = FreePort();
        await StartBrokerAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_server is not null)
        {
            await _server.StopAsync();
            _server.Dispose();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Renderer_ShowsRetainedState_AnswersScreenshots_AndMarksStaleWhenBrokerIsLost()
    {
        var now = SystemInstant();
        await PublishAsync(_topics.Status, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ScheduleStatus.Compute(Schedule, now) with { State = "closed", Phase = "closed", ClosesAt = null }), retain: true);
        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes("online"), retain: true);
        await PublishAsync(_topics.Schedule, File.ReadAllBytes(SchedulePath), retain: true);
        var item = AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes("""{"id":"darurat","kind":"text","title":"Latihan evakuasi","priority":"emergency"}""")).Announcement!;
        await PublishAsync(_topics.Announcements, AnnouncementJson.SerializeList([item]), retain: true);

        _host = StartRenderer(staleAfter: "00:00:00");
        var state = _host.Services.GetRequiredService<SignageState>();
        var frame = _host.Services.GetRequiredService<FrameHolder>();

        // Retained messages arrive on subscribe; the emergency takes over the screen.
        await UntilAsync(state, s => s.Status is not null && s.Schedule is not null && s.Announcements.Count == 1 && s.UnavailableSince is null);
        await UntilAsync(() => frame.Renderer.CurrentSlide is AnnouncementSlideModel { Emergency: true });
        Assert.True(File.Exists(Path.Combine(_dir, "frame.png")));

        // Screenshot on request.
        var png = await RequestScreenshotAsync();
        using (var shot = SKBitmap.Decode(png))
        {
            Assert.Equal(1920, shot.Width);
            Assert.Equal(1080, shot.Height);
            Assert.Equal(Theme.Emergency, shot.GetPixel(960, 300));
        }

        // The emergency is deleted: the status comes back, still closed, and not stale.
        await PublishAsync(_topics.Announcements, AnnouncementJson.SerializeList([]), retain: true);
        await UntilAsync(() => frame.Renderer.CurrentSlide is StatusSlideModel { Headline.Id: "TUTUP" });
        Assert.Null(frame.Renderer.CurrentFooter!.Warning);

        // The broker goes away: the last state stays on screen, marked as possibly stale.
        await _server!.StopAsync();
        await UntilAsync(() => frame.Renderer.CurrentFooter?.Warning is not null);
        Assert.IsType<StatusSlideModel>(frame.Renderer.CurrentSlide);
        Assert.Equal("TUTUP", ((StatusSlideModel)frame.Renderer.CurrentSlide!).Headline.Id);

        // It comes back: the renderer reconnects by itself and the badge goes.
        await StartBrokerAsync();
        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes("online"), retain: true);
        await UntilAsync(() => frame.Renderer.CurrentFooter?.Warning is null && _host.Services.GetRequiredService<SignageMqttClient>().IsConnected);
    }

    [Fact]
    public async Task ControllerOffline_LastWill_MarksStale()
    {
        await PublishAsync(_topics.Status, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ScheduleStatus.Compute(Schedule, SystemInstant())), retain: true);
        _host = StartRenderer(staleAfter: "00:00:00");
        var frame = _host.Services.GetRequiredService<FrameHolder>();
        var state = _host.Services.GetRequiredService<SignageState>();
        await UntilAsync(state, s => s.Status is not null && s.UnavailableSince is null);

        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes("offline"), retain: true);

        await UntilAsync(() => frame.Renderer.CurrentFooter?.Warning is not null);
    }

    [Fact]
    public async Task BadPayloads_AreIgnored_LastGoodStateKept()
    {
        var good = ScheduleStatus.Compute(Schedule, SystemInstant()) with { State = "closed", Phase = "closed" };
        await PublishAsync(_topics.Status, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(good), retain: true);
        _host = StartRenderer(staleAfter: "00:02:00");
        var state = _host.Services.GetRequiredService<SignageState>();
        await UntilAsync(state, s => s.Status is not null);
        var version = state.Snapshot().Version;

        await PublishAsync(_topics.Status, Encoding.UTF8.GetBytes("{not json"), retain: false);
        await PublishAsync(_topics.Schedule, Encoding.UTF8.GetBytes("""{"versions":[]}"""), retain: false);
        // A marker message after the bad ones: once it is in, the bad ones have been handled.
        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes("online"), retain: false);
        await UntilAsync(state, s => s.Version > version);

        Assert.Equal("closed", state.Snapshot().Status!.State);
        Assert.Null(state.Snapshot().Schedule);
    }

    private IHost StartRenderer(string staleAfter)
    {
        var ok = SignageHost.TryCreate(
            [],
            TimeProvider.System,
            out var host,
            out var errors,
            c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mqtt:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mqtt:Username"] = "screen",
                ["Mqtt:Password"] = "screen-dev",
                ["Mqtt:ReconnectMin"] = "00:00:00.100",
                ["Mqtt:ReconnectMax"] = "00:00:00.500",
                ["Display:Output"] = "png",
                ["Display:PngPath"] = Path.Combine(_dir, "frame.png"),
                ["Display:StaleAfter"] = staleAfter,
                ["Screen:Id"] = "pintu-utama",
                ["Site:Id"] = "probolinggo",
            }));
        Assert.True(ok, string.Join("\n", errors));
        host!.Start();
        return host!;
    }

    private async Task StartBrokerAsync()
    {
        var factory = new MqttServerFactory();
        _server = factory.CreateMqttServer(factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(_port)
            .Build());
        _server.ValidatingConnectionAsync += e =>
        {
            var ok = (e.UserName, e.Password) is ("screen", "screen-dev") or ("admin", "admin-dev");
            e.ReasonCode = ok ? MqttConnectReasonCode.Success : MqttConnectReasonCode.BadUserNameOrPassword;
            return Task.CompletedTask;
        };
        await _server.StartAsync();
    }

    private async Task<IMqttClient> AdminAsync()
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials("admin", "admin-dev")
            .Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private async Task PublishAsync(string topic, byte[] payload, bool retain)
    {
        using var client = await AdminAsync();
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.DisconnectAsync();
    }

    private async Task<byte[]> RequestScreenshotAsync()
    {
        using var client = await AdminAsync();
        var received = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.TrySetResult(e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(_topics.Screenshot("pintu-utama"), MqttQualityOfServiceLevel.AtLeastOnce);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(_topics.ScreenshotGet("pintu-utama")).WithPayload("{}")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var png = await received.Task.WaitAsync(Timeout);
        await client.DisconnectAsync();
        return png;
    }

    private static async Task UntilAsync(SignageState state, Func<SignageSnapshot, bool> condition)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition(state.Snapshot()))
            {
                met.TrySetResult();
            }
        }

        state.Changed += Check;
        try
        {
            Check();
            await met.Task.WaitAsync(Timeout);
        }
        finally
        {
            state.Changed -= Check;
        }
    }

    /// <summary>Awaits a condition on the renderer's frame, checking as the render loop works (with a timeout).</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within the timeout");
            await Task.Delay(20);
        }
    }

    private static NodaTime.Instant SystemInstant() => NodaTime.Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
