using System.Text;
using System.Text.Json;
using MppSignage.TestSupport;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>Every instant the controller publishes is strict RFC 3339 with the site's offset, written without escapes (issue 14 item 4).</summary>
public sealed class PublishedInstantsTests
{
    [Fact]
    public async Task StatusEventsAndAnnouncements_CarryStrictRfc3339InstantsWithPlusOffsets()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        await admin.SubscribeAsync("mpp/probolinggo/events");

        Assert.True((await Commands.SendAsync(admin, "admin", "mpp/probolinggo/override/set", """{"state":"open","until":"2024-07-01T16:30+07:00","reason":"antrian"}""")).Ok);
        Assert.True((await Commands.SendAsync(admin, "admin", "mpp/probolinggo/announcements/set",
            """{"id":"ktp-el","kind":"text","title":"Perekaman KTP-el","from":"2024-07-01T08:00+07:00","until":"2024-07-31T14:00:00+07:00"}""")).Ok);
        var overrideEvent = await admin.WaitForAsync("mpp/probolinggo/events", t => t.Contains("\"type\":\"override\""));

        var status = Encoding.UTF8.GetString(host.Outbox.GetRetained("mpp/probolinggo/status")!);
        var list = Encoding.UTF8.GetString(host.Outbox.GetRetained("mpp/probolinggo/announcements")!);
        using var s = JsonDocument.Parse(status);
        using var l = JsonDocument.Parse(list);
        using var e = JsonDocument.Parse(overrideEvent.Text);
        var item = l.RootElement.GetProperty("items")[0];
        string?[] instants =
        [
            s.RootElement.GetProperty("since").GetString(), s.RootElement.GetProperty("nextChange").GetString(),
            s.RootElement.GetProperty("closesAt").GetString(), s.RootElement.GetProperty("updatedAt").GetString(),
            s.RootElement.GetProperty("override").GetProperty("until").GetString(),
            l.RootElement.GetProperty("updatedAt").GetString(), item.GetProperty("from").GetString(), item.GetProperty("until").GetString(),
            e.RootElement.GetProperty("at").GetString(), e.RootElement.GetProperty("until").GetString(),
        ];

        Assert.All(instants, i => Assert.True(Rfc3339.IsStrict(i) && i!.EndsWith("+07:00", StringComparison.Ordinal), $"not RFC 3339 in site time: {i}"));
        Assert.Equal("2024-07-01T16:30:00+07:00", s.RootElement.GetProperty("override").GetProperty("until").GetString());
        Assert.Equal("2024-07-01T08:00:00+07:00", item.GetProperty("from").GetString());   // minutes-only input, written with seconds
        Assert.DoesNotContain("\\u", status + list);
    }
}
