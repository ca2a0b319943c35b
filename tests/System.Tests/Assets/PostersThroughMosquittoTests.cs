using System.Security.Cryptography;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Assets;

/// <summary>Posters through Mosquitto with the shipped configuration and ACL: upload, retained delivery, refusals at the broker.</summary>
public sealed class PostersThroughMosquittoTests
{
    private const string Site = ControllerTestHost.Site;

    [Fact]
    public async Task Upload_ThroughMosquitto_IsKeptAndReachesTheScreenRetained_StaffAndScreensCannotUpload()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "posters");
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning),
            ControllerTestHost.ExternalArgs(mosquitto.Port));
        await using var admin = await MqttTestClient.ConnectAsync(mosquitto.Port, "admin", TestUsers.Password("admin"));

        var put = await Commands.SendAsync(admin, "admin", $"mpp/{Site}/uploads/put", TestImages.Jpeg(2400, 1600));
        Assert.True(put.Ok, put.Error);
        var set = await Commands.SendAsync(admin, "admin", $"mpp/{Site}/announcements/set",
            $$$"""{"id":"poster","kind":"image","image":{"sha256":"{{{put.Sha256}}}"}}""");
        Assert.True(set.Ok, set.Error);

        await using var screen = await MqttTestClient.ConnectAsync(mosquitto.Port, "screen", TestUsers.Password("screen"));
        await screen.SubscribeAsync($"mpp/{Site}/assets/{put.Sha256}");
        var asset = await screen.WaitForAsync($"mpp/{Site}/assets/{put.Sha256}");
        Assert.True(asset.Retain);
        Assert.Equal(put.Sha256, Convert.ToHexString(SHA256.HashData(asset.Payload)).ToLowerInvariant());

        await using var staff = await MqttTestClient.ConnectAsync(mosquitto.Port, "staff", TestUsers.Password("staff"));
        Assert.False(MqttTestClient.Accepted(await staff.PublishAsync($"mpp/{Site}/uploads/put", TestImages.Jpeg(300, 200))));
        Assert.False(MqttTestClient.Accepted(await screen.PublishAsync($"mpp/{Site}/uploads/put", TestImages.Jpeg(300, 200))));
        Assert.False(MqttTestClient.Accepted(await admin.PublishAsync($"mpp/{Site}/assets/{new string('e', 64)}", TestImages.Jpeg(300, 200), retain: true)));
        Assert.Single(controller.Assets.Items);
        Assert.Equal(0, controller.Logs.ErrorCount);
    }

    [Fact]
    public async Task Upload_OverMosquittosMaxPacketSize_IsCutOffByTheBroker()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "posters-big");
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning),
            ControllerTestHost.ExternalArgs(mosquitto.Port));
        await using var admin = await MqttTestClient.ConnectAsync(mosquitto.Port, "admin", TestUsers.Password("admin"));

        try
        {
            // 9 MB: over max_packet_size 8388608 in deploy-pi/mosquitto/mpp-signage.conf.in.
            await admin.PublishAsync($"mpp/{Site}/uploads/put", TestImages.RandomBytes(9_000_000), responseTopic: $"mpp/{Site}/responses/admin/big", correlation: [1]);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or ObjectDisposedException)
        {
            // Mosquitto closed the connection while the packet was being sent.
        }

        await Eventually.TrueAsync(() => !admin.IsConnected, "Mosquitto to close the oversized upload's connection");
        Assert.Empty(controller.Assets.Items);
    }
}
