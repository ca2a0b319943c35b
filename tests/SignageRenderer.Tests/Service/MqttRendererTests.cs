using System.Text;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Service;
using MppSignage.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Service;

/// <summary>The whole renderer service against a real MQTT broker (MQTTnet's server on loopback).</summary>
public sealed class MqttRendererTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _dir = TempDir.Create("signage");
    private readonly Topics _topics = new("probolinggo");
    private TestBroker? _broker;
    private IHost? _host;

    private int Port => _broker!.Port;

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Renderer_ShowsRetainedState_AnswersScreenshots_AndMarksStaleWhenBrokerIsLost()
    {
        var now = SystemInstant();
        await PublishAsync(_topics.Status, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ScheduleStatus.Compute(Schedules.Default, now) with { State = "closed", Phase = "closed", ClosesAt = null }), retain: true);
        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes("online"), retain: true);
        await PublishAsync(_topics.Schedule, File.ReadAllBytes(RepoPaths.DefaultSchedule), retain: true);
        var item = AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes("""{"id":"darurat","kind":"text","title":"Latihan evakuasi","priority":"emergency"}""")).Announcement!;
        await PublishAsync(_topics.Announcements, AnnouncementJson.SerializeList([item]), retain: true);

        _host = StartRenderer(staleAfter: "00:00:00");
        var state = _host.Services.GetRequiredService<SignageState>();
        var frame = _host.Services.GetRequiredService<FrameHolder>();

        // Retained messages arrive on subscribe; the emergency takes over the screen.
        await UntilAsync(state, s => s.Status is not null && s.Schedule is not null && s.Announcements.Count == 1 && s.UnavailableSince is null);
        await Eventually.TrueAsync(() => frame.Renderer.CurrentSlide is AnnouncementSlideModel { Emergency: true }, "the emergency announcement on screen", Timeout);
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
        await Eventually.TrueAsync(() => frame.Renderer.CurrentSlide is StatusSlideModel { Headline.Id: "TUTUP" }, "the TUTUP status slide", Timeout);
        Assert.Null(frame.Renderer.CurrentFooter!.Warning);

        // The broker goes away: the last state stays on screen, marked as possibly stale.
        await _broker!.Server.StopAsync(new MQTTnet.Server.MqttServerStopOptions());
        await Eventually.TrueAsync(() => frame.Renderer.CurrentFooter?.Warning is not null, "the stale warning in the footer", Timeout);
        Assert.IsType<StatusSlideModel>(frame.Renderer.CurrentSlide);
        Assert.Equal("TUTUP", ((StatusSlideModel)frame.Renderer.CurrentSlide!).Headline.Id);

        // It comes back: the renderer reconnects by itself and the badge goes.
        await _broker.Server.StartAsync();
        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes("online"), retain: true);
        await Eventually.TrueAsync(() => frame.Renderer.CurrentFooter?.Warning is null && _host.Services.GetRequiredService<SignageMqttClient>().IsConnected, "the renderer to reconnect and clear the warning", Timeout);
    }

    [Fact]
    public async Task ControllerOffline_LastWill_MarksStale()
    {
        await PublishAsync(_topics.Status, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ScheduleStatus.Compute(Schedules.Default, SystemInstant())), retain: true);
        _host = StartRenderer(staleAfter: "00:00:00");
        var frame = _host.Services.GetRequiredService<FrameHolder>();
        var state = _host.Services.GetRequiredService<SignageState>();
        await UntilAsync(state, s => s.Status is not null && s.UnavailableSince is null);

        await PublishAsync(_topics.Availability, Encoding.UTF8.GetBytes("offline"), retain: true);

        await Eventually.TrueAsync(() => frame.Renderer.CurrentFooter?.Warning is not null, "the stale warning in the footer", Timeout);
    }

    [Fact]
    public async Task BadPayloads_AreIgnored_LastGoodStateKept()
    {
        var good = ScheduleStatus.Compute(Schedules.Default, SystemInstant()) with { State = "closed", Phase = "closed" };
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

    [Fact]
    public async Task Renderer_PublishesItsOwnRetainedAvailability_OnlineWithSizeThenOfflineOnStop()
    {
        await using var admin = await MqttTestClient.ConnectAsync(Port, "admin");
        var topic = _topics.ScreenAvailability("pintu-utama");
        await admin.SubscribeAsync(topic);

        _host = StartRenderer(staleAfter: "00:02:00");

        var online = await admin.WaitForAsync(topic, t => t.Contains("\"online\":true", StringComparison.Ordinal), Timeout);
        var info = System.Text.Json.JsonSerializer.Deserialize(online.Payload, MqttJsonContext.Wire.ScreenAvailability)!;
        Assert.Equal((1920, 1080), (info.Width, info.Height));
        await _host.StopAsync();
        _host.Dispose();
        _host = null;
        var offline = await admin.WaitForAsync(topic, t => t.Contains("\"online\":false", StringComparison.Ordinal), Timeout);
        Assert.False(System.Text.Json.JsonSerializer.Deserialize(offline.Payload, MqttJsonContext.Wire.ScreenAvailability)!.Online);

        // Retained: a client that comes later still learns the screen is offline.
        await using var later = await MqttTestClient.ConnectAsync(Port, "admin");
        await later.SubscribeAsync(topic);
        var kept = await later.WaitForAsync(topic, null, Timeout);
        Assert.True(kept.Retain);
        Assert.Contains("\"online\":false", kept.Text, StringComparison.Ordinal);
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
                ["Mqtt:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mqtt:Username"] = "screen",
                ["Mqtt:Password"] = TestUsers.Password("screen"),
                ["Mqtt:ReconnectMin"] = "00:00:00.100",
                ["Mqtt:ReconnectMax"] = "00:00:00.500",
                ["Display:Output"] = "png",
                ["Display:PngPath"] = Path.Combine(_dir, "frame.png"),
                ["Posters:CacheDirectory"] = Path.Combine(_dir, "posters"),
                ["Display:StaleAfter"] = staleAfter,
                ["Screen:Id"] = "pintu-utama",
                ["Site:Id"] = "probolinggo",
            }));
        Assert.True(ok, string.Join("\n", errors));
        host!.Start();
        return host!;
    }

    private async Task PublishAsync(string topic, byte[] payload, bool retain)
    {
        await using var admin = await MqttTestClient.ConnectAsync(Port, "admin");
        var ack = await admin.PublishAsync(topic, payload, retain);
        Assert.True(MqttTestClient.Accepted(ack), $"publish to {topic}: {ack.ReasonCode}");
    }

    private async Task<byte[]> RequestScreenshotAsync()
    {
        await using var admin = await MqttTestClient.ConnectAsync(Port, "admin");
        await admin.SubscribeAllAsync(_topics.Screenshot("pintu-utama"));
        await admin.PublishAsync(_topics.ScreenshotGet("pintu-utama"), "{}");
        return (await admin.WaitForAsync(_topics.Screenshot("pintu-utama"), timeout: Timeout)).Payload;
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

    private static NodaTime.Instant SystemInstant() => NodaTime.Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);
}
