using System.Text;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Posters;
using MppSignage.SignageRenderer.Service;
using MppSignage.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.Posters.TestPosters;

namespace MppSignage.SignageRenderer.Tests.Posters;

/// <summary>
/// The renderer service and a real MQTT broker (MQTTnet's server on loopback): poster assets asked for by hash,
/// checked, cached on disk, shown, skipped when bad, evicted when unreferenced, and shown again after a restart
/// without any broker.
/// </summary>
public sealed class PosterMqttTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _dir = TempDir.Create("signage-posters");
    private readonly Topics _topics = new("probolinggo");
    private readonly LogCollector _logs = new();
    private TestBroker? _broker;
    private IHost? _host;

    private string Frame => Path.Combine(_dir, "frame.png");

    private string Cache => Path.Combine(_dir, "posters");

    public async Task InitializeAsync() => _broker = await TestBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await StopRendererAsync();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        TempDir.TryDelete(_dir);
        _logs.AssertNoUnexpectedErrors();
    }

    [Fact]
    public async Task PosterAnnouncement_AssetArrives_IsShown_BadHashSkipped_ThenShownAfterRestartWithoutBroker()
    {
        var good = Make(600, 900, border: 10, SKEncodedImageFormat.Jpeg);
        var goodSha = PosterImage.Sha256Of(good);
        var claimed = Make(700, 900);
        var claimedSha = PosterImage.Sha256Of(claimed);
        await PublishAnnouncementsAsync(Poster("poster-ok", goodSha), Poster("poster-bad", claimedSha));
        _host = StartRenderer();
        var state = _host.Services.GetRequiredService<SignageState>();
        var assets = _host.Services.GetRequiredService<PosterAssets>();

        // The screen asks for exactly the two assets its announcements name.
        await Eventually.TrueAsync(() => assets.Wanted.SetEquals([goodSha, claimedSha]), "both posters wanted", Timeout, () => string.Join(",", assets.Wanted));
        await using var controller = await _broker!.ConnectAsync("controller");
        Assert.True(MqttTestClient.Accepted(await controller.PublishAsync(_topics.Asset(goodSha), good, retain: true)));
        // The other hash gets different bytes (a corrupted transfer or a forged message): dropped, with the reason.
        Assert.True(MqttTestClient.Accepted(await controller.PublishAsync(_topics.Asset(claimedSha), Make(10, 10), retain: true)));

        await Eventually.TrueAsync(() => state.Snapshot().Posters?.Contains(goodSha) == true, "the good poster is showable", Timeout, () => _logs.Tail());
        await Eventually.TrueAsync(() => _logs.Entries.Any(e => e.EventId == 41 && e.Message.Contains(claimedSha, StringComparison.Ordinal) && e.Message.Contains("SHA-256 mismatch", StringComparison.Ordinal)), "the mismatch reported", Timeout, () => _logs.Tail());
        Assert.DoesNotContain(claimedSha, state.Snapshot().Posters!);
        Assert.Contains(_logs.Entries, e => e.EventId == 44 && e.Message.Contains("poster-bad", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Cache, claimedSha + PosterAssetCache.Extension)));
        Assert.True(File.Exists(Path.Combine(Cache, goodSha + PosterAssetCache.Extension)));
        // Stored: no longer wanted, the subscription is let go (the bad one stays wanted: a good copy may come).
        await Eventually.TrueAsync(() => assets.Wanted.SetEquals([claimedSha]), "only the missing poster still wanted", Timeout);

        // The rotation shows the good poster (and only it) in the PNG frame: its field colour at the centre.
        await WaitForPosterFrameAsync("after the asset arrived");

        // Restart with no broker at all: the kept list and the cached poster show at once.
        await StopRendererAsync();
        await _broker.DisposeAsync();
        _broker = null;
        File.Delete(Frame);
        _logs.ExpectError("MQTT"); // connection refused lines, if any, are the point here
        _host = StartRenderer();
        await WaitForPosterFrameAsync("after a restart without a broker");
    }

    [Fact]
    public async Task UndecodableAsset_WithItsRightHash_IsSkippedWhenItsTurnComes_TheOtherPosterGoesOn()
    {
        var good = Make(600, 900, border: 10);
        var goodSha = PosterImage.Sha256Of(good);
        // The right hash of bytes that are no image (a controller bug, or an old controller without processing).
        var garbage = TestImages.RandomBytes(20_000, 5);
        var garbageSha = PosterImage.Sha256Of(garbage);
        await using var controller = await _broker!.ConnectAsync("controller");
        Assert.True(MqttTestClient.Accepted(await controller.PublishAsync(_topics.Asset(goodSha), good, retain: true)));
        Assert.True(MqttTestClient.Accepted(await controller.PublishAsync(_topics.Asset(garbageSha), garbage, retain: true)));
        await PublishAnnouncementsAsync(Poster("poster-ok", goodSha, seconds: 3), Poster("poster-garbage", garbageSha, seconds: 3));
        _host = StartRenderer();
        var state = _host.Services.GetRequiredService<SignageState>();

        // Stored (the hash is right), then found bad when the rotation comes to it: reported, left out, removed.
        await Eventually.TrueAsync(() => _logs.Entries.Any(e => e.EventId == 45 && e.Message.Contains(garbageSha, StringComparison.Ordinal)), "the undecodable poster reported", Timeout, () => _logs.Tail());
        await Eventually.TrueAsync(() => state.Snapshot().Posters is { } p && p.Contains(goodSha) && !p.Contains(garbageSha), "only the good poster showable", Timeout, () => _logs.Tail());
        Assert.Contains(_logs.Entries, e => e.EventId == 44 && e.Message.Contains("poster-garbage", StringComparison.Ordinal) && e.Message.Contains("does not decode", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Cache, garbageSha + PosterAssetCache.Extension)));
        await WaitForPosterFrameAsync("after the bad poster was skipped");
        Assert.DoesNotContain(_logs.Entries, e => e.EventId == 11); // no render loop error
    }

    [Fact]
    public async Task AnnouncementRemoved_PosterEvictedFromDiskAndMemory()
    {
        var poster = Make(600, 900);
        var sha = PosterImage.Sha256Of(poster);
        await using var controller = await _broker!.ConnectAsync("controller");
        Assert.True(MqttTestClient.Accepted(await controller.PublishAsync(_topics.Asset(sha), poster, retain: true)));
        await PublishAnnouncementsAsync(Poster("poster-1", sha));
        _host = StartRenderer();
        var state = _host.Services.GetRequiredService<SignageState>();
        await Eventually.TrueAsync(() => state.Snapshot().Posters?.Contains(sha) == true, "poster stored", Timeout, () => _logs.Tail());

        await PublishAnnouncementsAsync();

        await Eventually.TrueAsync(() => !File.Exists(Path.Combine(Cache, sha + PosterAssetCache.Extension)), "poster file removed", Timeout, () => _logs.Tail());
        Assert.Empty(state.Snapshot().Posters!);
        Assert.Contains(_logs.Entries, e => e.EventId == 43 && e.Message.Contains("no announcement refers to it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssetNobodyAskedFor_IsNotStored()
    {
        _host = StartRenderer();
        var poster = Make(300, 300);
        var sha = PosterImage.Sha256Of(poster);
        // Delivered directly (as a broker that ignores subscriptions would): the screen keeps only what it needs.
        _host.Services.GetRequiredService<PosterAssets>().OnAsset(sha, poster);

        Assert.False(File.Exists(Path.Combine(Cache, sha + PosterAssetCache.Extension)));
        Assert.Contains(_logs.Entries, e => e.EventId == 41 && e.Message.Contains("no announcement of this screen refers to it", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    private static Announcement Poster(string id, string sha, int seconds = 10) =>
        AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","kind":"image","image":{"sha256":"{{sha}}"},"priority":"emergency","seconds":{{seconds}}}""")).Announcement
            ?? throw new InvalidOperationException("test announcement refused");

    private async Task PublishAnnouncementsAsync(params Announcement[] items)
    {
        await using var admin = await _broker!.ConnectAsync("controller");
        var ack = await admin.PublishAsync(_topics.Announcements, AnnouncementJson.SerializeList(items), retain: true);
        Assert.True(MqttTestClient.Accepted(ack), $"announcements: {ack.ReasonCode}");
    }

    private async Task WaitForPosterFrameAsync(string when)
    {
        var last = "no frame";
        await Eventually.TrueAsync(
            () =>
            {
                if (!File.Exists(Frame))
                {
                    return false;
                }

                using var bitmap = SKBitmap.Decode(Frame);
                if (bitmap is null)
                {
                    return false;
                }

                var area = MppSignage.SignageRenderer.Layout.FrameLayouter.PosterArea(new MppSignage.SignageRenderer.Layout.ScreenGeometry(bitmap.Width, bitmap.Height), band: false, strip: true);
                var centre = bitmap.GetPixel(area.MidX, area.MidY);
                var side = bitmap.GetPixel(20, area.MidY);
                last = $"centre {centre}, letterbox {side}";
                return Near(centre, Field, 20) && Near(side, Border, 20);
            },
            $"the poster in the frame {when}",
            Timeout,
            () => last + "\n" + _logs.Tail());
    }

    private IHost StartRenderer()
    {
        var ok = SignageHost.TryCreate(
            [],
            TimeProvider.System,
            out var host,
            out var errors,
            c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mqtt:Port"] = (_broker?.Port ?? FreePort.Next()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mqtt:Username"] = "screen",
                ["Mqtt:Password"] = TestUsers.Password("screen"),
                ["Mqtt:ReconnectMin"] = "00:00:00.100",
                ["Mqtt:ReconnectMax"] = "00:00:00.500",
                ["Display:Output"] = "png",
                ["Display:Size"] = "1280x720",
                ["Display:PngPath"] = Frame,
                ["Posters:CacheDirectory"] = Cache,
                ["Screen:Id"] = "pintu-utama",
                ["Site:Id"] = "probolinggo",
            }));
        Assert.True(ok, string.Join("\n", errors));
        host!.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        host.Start();
        return host;
    }

    private async Task StopRendererAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }
    }
}
