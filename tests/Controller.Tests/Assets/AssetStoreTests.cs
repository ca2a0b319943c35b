using System.Security.Cryptography;
using System.Text.Json;
using MppSignage.Controller.Assets;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.TestSupport;

namespace MppSignage.Controller.Tests.Assets;

/// <summary>The controller's posters over its embedded broker: upload, limits, refusals, retained publish, persistence, GC.</summary>
public sealed class AssetStoreTests
{
    private const string PutTopic = "mpp/probolinggo/uploads/put";
    private const string SetTopic = "mpp/probolinggo/announcements/set";
    private const string DeleteTopic = "mpp/probolinggo/announcements/delete";

    private static string AssetTopic(string sha) => $"mpp/probolinggo/assets/{sha}";

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static Task<CommandResult> PutAsync(MqttTestClient admin, byte[] image) => Commands.SendAsync(admin, "admin", PutTopic, image);

    private static string Poster(string id, string sha) => $$$"""{"id":"{{{id}}}","kind":"image","image":{"sha256":"{{{sha}}}","fit":"cover"}}""";

    [Fact]
    public async Task Put_Jpeg_IsProcessedKeptAndPublishedRetained_ScreenGetsTheBytesOfItsHash()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        var result = await PutAsync(admin, TestImages.JpegWithExifOrientation(3000, 2000, 6));

        Assert.True(result.Ok, result.Error);
        // Turned upright 2000×3000, downscaled to cover a portrait 1080×1920: 1280×1920.
        Assert.Equal((1280, 1920), (result.Width, result.Height));
        Assert.Contains("EXIF orientation 6", result.Note, StringComparison.Ordinal);
        var file = Path.Combine(host.StateDirectory, "assets", result.Sha256 + ".jpg");
        var kept = File.ReadAllBytes(file);
        Assert.Equal(result.Sha256, Sha(kept));
        Assert.Equal(kept.Length, result.Bytes);

        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await screen.SubscribeAsync(AssetTopic(result.Sha256!));
        var message = await screen.WaitForAsync(AssetTopic(result.Sha256!));
        Assert.True(message.Retain);
        Assert.Equal(result.Sha256, Sha(message.Payload));
    }

    [Fact]
    public async Task Put_SameImageTwice_IsKeptOnce()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        var image = TestImages.Jpeg(800, 600);

        var first = await PutAsync(admin, image);
        var second = await PutAsync(admin, image);

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.StartsWith("already kept", second.Note, StringComparison.Ordinal);
        Assert.Single(host.Assets.Items);
    }

    public static TheoryData<string, string, string> BadImages => new()
    {
        { "bomb", "image.pixels", "decompression bomb" },   // 30000×30000 PNG of a few KB
        { "truncated", "image.data", "truncated" },          // half a JPEG
        { "svg", "image.format", "export it as PNG or JPEG" }, // SVG with a script
        { "strip", "image.aspect", "1×100000" },            // 1×100000
        { "zero", "image.size", "0×0" },                    // 0×0
        { "random", "image", "not an image" },              // noise
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task Put_BadImage_IsRefusedWithFieldAndReason_NothingKept(string kind, string field, string reason)
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        await admin.SubscribeAsync("mpp/probolinggo/events");
        var bytes = kind switch
        {
            "bomb" => TestImages.PngBomb(),
            "truncated" => TestImages.Truncated(TestImages.Jpeg(1200, 800)),
            "svg" => TestImages.SvgWithScript(),
            "strip" => TestImages.Png(1, 100000),
            "zero" => TestImages.PngZeroByZero(),
            _ => TestImages.RandomBytes(),
        };

        var result = await PutAsync(admin, bytes);

        Assert.False(result.Ok);
        Assert.Equal(field, result.Field);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Empty(host.Assets.Items);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(host.StateDirectory, "assets")));
        await admin.WaitForAsync("mpp/probolinggo/events", t => t.Contains("\"ok\":false") && t.Contains(field));
    }

    [Fact]
    public async Task Put_OverTheUploadLimit_IsRefusedNamingTheKey()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Assets:MaxUploadBytes=20000"]);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        var image = TestImages.NoisePng(100, 100);
        Assert.InRange(image.Length, 20001, 100_000);

        var result = await PutAsync(admin, image);

        Assert.False(result.Ok);
        Assert.Equal("payload", result.Field);
        Assert.Contains("Assets:MaxUploadBytes is 20000", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_PacketOverTheAdminsLimit_IsCutOffOnItsHeader_ControllerCarriesOn()
    {
        // Admins may send Assets:MaxUploadBytes + 64 KiB: here 1 KiB + 64 KiB, below Mqtt:MaxPacketBytes (128 KiB).
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Assets:MaxUploadBytes=1024", "--Mqtt:MaxPacketBytes=70000"]);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        try
        {
            await admin.PublishAsync(PutTopic, TestImages.RandomBytes(200_000), responseTopic: "mpp/probolinggo/responses/admin/x", correlation: [1]);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            // The broker closed the connection while the packet was being sent.
        }

        await Eventually.TrueAsync(() => !admin.IsConnected, "the oversized upload's connection to be closed");
        await using var again = await MqttTestClient.ConnectAsync(host.Port, "admin");
        var ok = await Commands.SendAsync(again, "admin", SetTopic, """{"id":"a","kind":"text","title":"Masih jalan"}""");
        Assert.True(ok.Ok, ok.Error);
    }

    [Fact]
    public async Task Put_OverTheCount_IsRefusedNamingTheLimit()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Assets:MaxCount=1"]);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        Assert.True((await PutAsync(admin, TestImages.Jpeg(640, 480))).Ok);
        var second = await PutAsync(admin, TestImages.Jpeg(600, 480));

        Assert.False(second.Ok);
        Assert.Equal("assets", second.Field);
        Assert.Contains("Assets:MaxCount is 1", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_OverTheTotal_IsRefusedNamingTheLimit()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Assets:MaxTotalBytes=60000", "--Assets:MaxAssetBytes=50000"]);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        var first = await PutAsync(admin, TestImages.NoisePng(100, 100, seed: 1));
        Assert.True(first.Ok, first.Error);
        var second = await PutAsync(admin, TestImages.NoisePng(100, 100, seed: 2));

        Assert.False(second.Ok);
        Assert.Contains("Assets:MaxTotalBytes is 60000", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PosterAnnouncement_UnknownAsset_IsRefused_KnownAsset_IsAccepted()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        var unknown = await Commands.SendAsync(admin, "admin", SetTopic, Poster("p1", new string('a', 64)));
        Assert.False(unknown.Ok);
        Assert.Equal("image.sha256", unknown.Field);
        Assert.Contains("upload it first", unknown.Error, StringComparison.Ordinal);

        var put = await PutAsync(admin, TestImages.Jpeg(1200, 800));
        var known = await Commands.SendAsync(admin, "admin", SetTopic, Poster("p1", put.Sha256!));
        Assert.True(known.Ok, known.Error);
    }

    [Fact]
    public async Task Gc_UnusedUpload_IsRemovedAfterTheGracePeriod_RetainedClearedAndJournalled()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Assets:GraceMinutes=30"]);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        var put = await PutAsync(admin, TestImages.Jpeg(800, 600));
        var file = Path.Combine(host.StateDirectory, "assets", put.Sha256 + ".jpg");

        await host.AdvanceAsync(TimeSpan.FromMinutes(29));
        await host.Assets.CollectAsync();
        Assert.True(File.Exists(file), "removed before its grace period ended");

        await host.AdvanceAsync(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => !File.Exists(file) && !host.Assets.Contains(put.Sha256!), "the unused asset to be removed");
        Assert.Empty(host.Outbox.GetRetained(AssetTopic(put.Sha256!))!);
        await Eventually.TrueAsync(async () => (await host.JournalAsync()).Any(e => e.Type == "asset-removed" && e.Detail!.Contains("no announcement has used it", StringComparison.Ordinal)), "the removal in the journal");
    }

    [Fact]
    public async Task Gc_AssetInUse_IsKept_UntilGraceAfterItsLastAnnouncementIsDeleted()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Assets:GraceMinutes=30"]);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        var put = await PutAsync(admin, TestImages.Jpeg(800, 600));
        Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, Poster("p1", put.Sha256!))).Ok);

        await host.AdvanceAsync(TimeSpan.FromHours(5));
        await host.Assets.CollectAsync();
        Assert.True(host.Assets.Contains(put.Sha256!), "an asset in use was removed");

        Assert.True((await Commands.SendAsync(admin, "admin", DeleteTopic, """{"id":"p1"}""")).Ok);
        await host.AdvanceAsync(TimeSpan.FromMinutes(20));
        await host.Assets.CollectAsync();
        Assert.True(host.Assets.Contains(put.Sha256!), "removed before the grace period after its last announcement");

        await host.AdvanceAsync(TimeSpan.FromMinutes(15));
        await Eventually.TrueAsync(() => !host.Assets.Contains(put.Sha256!), "the asset to go after its last announcement");
        await Eventually.TrueAsync(async () => (await host.JournalAsync()).Any(e => e.Type == "asset-removed" && e.Detail!.Contains("last announcement went", StringComparison.Ordinal)), "the reason in the journal");
    }

    [Fact]
    public async Task Gc_AssetOfAnExpiredAnnouncement_GoesAfterTheGracePeriod()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Assets:GraceMinutes=10"]);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        var put = await PutAsync(admin, TestImages.Jpeg(800, 600));
        var expiring = $$$"""{"id":"p1","kind":"image","image":{"sha256":"{{{put.Sha256}}}"},"until":"2024-07-01T11:00:00+07:00"}""";
        Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, expiring)).Ok);

        await host.AdvanceAsync(TimeSpan.FromMinutes(65));
        await Eventually.TrueAsync(() => host.Assets.Items.Single().UnusedSince is not null, "the asset to be marked unused when its announcement expired");
        await host.AdvanceAsync(TimeSpan.FromMinutes(11));
        await Eventually.TrueAsync(() => !host.Assets.Contains(put.Sha256!), "the asset of the expired announcement to be removed");
    }

    [Fact]
    public async Task Restart_KeptAssetsAreLoadedAndPublishedRetainedAgain()
    {
        var state = TempDir.Create("assets-restart");
        string sha;
        await using (var first = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), stateDirectory: state))
        {
            await using var admin = await MqttTestClient.ConnectAsync(first.Port, "admin");
            var put = await PutAsync(admin, TestImages.Png(500, 400, alpha: 90));
            Assert.True(put.Ok, put.Error);
            sha = put.Sha256!;
            Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, Poster("p1", sha))).Ok);
        }

        await using var second = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 5), stateDirectory: state);
        Assert.True(second.Assets.Contains(sha));
        await using var screen = await MqttTestClient.ConnectAsync(second.Port, "screen");
        await screen.SubscribeAsync(AssetTopic(sha));
        var message = await screen.WaitForAsync(AssetTopic(sha));
        Assert.Equal(sha, Sha(message.Payload));
        Assert.True(File.Exists(Path.Combine(state, "assets", sha + ".png")));
    }

    [Fact]
    public async Task Restart_FileThatDoesNotMatchItsHash_IsSetAsideNotPublished()
    {
        var state = TempDir.Create("assets-corrupt");
        var bogus = new string('b', 64);
        Directory.CreateDirectory(Path.Combine(state, "assets"));
        await File.WriteAllBytesAsync(Path.Combine(state, "assets", bogus + ".jpg"), TestImages.Jpeg(100, 100));

        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), stateDirectory: state);
        host.Logs.ExpectError("does not match its name");

        Assert.False(host.Assets.Contains(bogus));
        Assert.Null(host.Outbox.GetRetained(AssetTopic(bogus)));
        Assert.True(File.Exists(Path.Combine(state, "assets", bogus + ".jpg.corrupt")));
    }

    [Fact]
    public async Task Screen_CannotUpload_AdminCannotPublishAnAssetTopic()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        var upload = await screen.PublishAsync(PutTopic, TestImages.Jpeg(200, 200));
        var forged = await admin.PublishAsync(AssetTopic(new string('c', 64)), TestImages.Jpeg(200, 200), retain: true);

        Assert.False(MqttTestClient.Accepted(upload));
        Assert.False(MqttTestClient.Accepted(forged));
        Assert.Empty(host.Assets.Items);
    }

    [Fact]
    public void AnswerJson_HasTheAssetFields()
    {
        var json = JsonSerializer.Serialize(new CommandResult { Ok = true, Sha256 = new string('d', 64), Width = 10, Height = 20, Bytes = 30, Note = "n" }, MqttJsonContext.Wire.CommandResult);

        Assert.Equal($$"""{"ok":true,"sha256":"{{new string('d', 64)}}","width":10,"height":20,"bytes":30,"note":"n"}""", json);
    }
}
