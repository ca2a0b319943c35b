using System.Text.Json;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.EndToEnd;

/// <summary>
/// Through Mosquitto, all as separate processes: the controller, two screens (two screen ids), the staff CLI
/// and the admin CLI. An override (staff) and an announcement (admin) reach both screens: their logs, their
/// frame files, their screenshots.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task StaffOverrideAndAdminAnnouncement_ReachBothScreens()
    {
        await using var hall = await Hall.StartAsync();
        await using var admin = await MqttTestClient.ConnectAsync(hall.Broker.Port, "admin", TestUsers.Password("admin"));
        await admin.SubscribeAllAsync($"mpp/{Hall.Site}/status", $"mpp/{Hall.Site}/screens/+/screenshot");
        var before = JsonDocument.Parse((await admin.WaitForAsync($"mpp/{Hall.Site}/status")).Payload).RootElement.GetProperty("state").GetString()!;
        var target = before == "open" ? "closed" : "open";
        var framesBefore = Hall.Screens.ToDictionary(s => s, s => File.GetLastWriteTimeUtc(hall.FramePath(s)));

        var (code, output) = await hall.CliAsync("staff", "override", target, "--reason", "uji menyeluruh");

        Assert.True(code == 0, $"override CLI exited {code}: {output}");
        Assert.Contains("ok:", output, StringComparison.Ordinal);
        foreach (var screen in hall.ScreenProcesses)
        {
            await screen.WaitForLineAsync(l => l.Contains($"Received status: {target}/", StringComparison.Ordinal) && l.Contains("(override)", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30), $"the override ({target}) on the screen");
        }

        // Each screen redrew its frame and answers a screenshot request with a PNG of it.
        for (var i = 0; i < Hall.Screens.Length; i++)
        {
            var screen = Hall.Screens[i];
            await hall.ScreenProcesses[i].WaitForLineAsync(l => l.Contains("Slide", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "a drawn slide");
            await Eventually.TrueAsync(() => File.GetLastWriteTimeUtc(hall.FramePath(screen)) > framesBefore[screen], $"{screen}'s frame file to be redrawn", TimeSpan.FromSeconds(30));
            var request = await admin.PublishAsync($"mpp/{Hall.Site}/screens/{screen}/screenshot/get", "");
            Assert.True(MqttTestClient.Accepted(request), request.ReasonCode.ToString());
            var png = await admin.WaitForAsync($"mpp/{Hall.Site}/screens/{screen}/screenshot", null, TimeSpan.FromSeconds(30));
            Assert.True(png.Payload.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']), $"{screen} answered with something other than a PNG");
        }

        // The admin CLI announces; the controller keeps it and both screens show it (an emergency takes over at once).
        var (announceCode, announceOutput) = await hall.CliAsync("admin", "announce", "add", "--id", "e2e-antrian", "--title", "Antrian penuh",
            "--body", "Silakan kembali besok pukul 08.00", "--priority", "emergency");
        Assert.True(announceCode == 0, $"announce CLI exited {announceCode}: {announceOutput}");
        foreach (var screen in hall.ScreenProcesses)
        {
            await screen.WaitForLineAsync(l => l.Contains("Received announcements: 1 item(s)", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the announcement list");
            await screen.WaitForLineAsync(l => l.Contains("Slide announcement:e2e-antrian", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the announcement on screen");
        }

        // A staff user may not announce: the broker refuses it and the CLI says so.
        var (staffCode, staffOutput) = await hall.CliAsync("staff", "announce", "add", "--id", "nope", "--title", "x", "--body", "y");
        Assert.NotEqual(0, staffCode);
        Assert.Contains("NotAuthorized", staffOutput, StringComparison.Ordinal);

        var status = JsonDocument.Parse(admin.Received.Last(m => m.Topic == $"mpp/{Hall.Site}/status").Payload).RootElement;
        Assert.Equal(target, status.GetProperty("state").GetString());
        Assert.Equal("uji menyeluruh", status.GetProperty("override").GetProperty("reason").GetString());
        Assert.DoesNotContain(hall.Controller.Lines, l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("crit:", StringComparison.Ordinal));
    }
}
