using System.Text;
using MppSignage.Controller.Announcements;
using MppSignage.Shared.Announcements;
using MppSignage.TestSupport;

namespace MppSignage.Controller.Tests.Announcements;

/// <summary>The controller as the site's announcement hub, over its embedded broker.</summary>
public sealed class AnnouncementHubTests
{
    private const string SetTopic = "mpp/probolinggo/announcements/set";
    private const string DeleteTopic = "mpp/probolinggo/announcements/delete";
    private const string ListTopic = "mpp/probolinggo/announcements";

    private static IReadOnlyList<Announcement> Retained(ControllerTestHost host)
    {
        var bytes = host.Outbox.GetRetained(ListTopic);
        Assert.NotNull(bytes);
        var list = AnnouncementJson.ParseList(bytes);
        Assert.Empty(list.Problems);
        return list.Items;
    }

    private static IReadOnlyList<Announcement> Persisted(ControllerTestHost host) =>
        AnnouncementJson.ParseList(File.ReadAllBytes(Path.Combine(host.StateDirectory, AnnouncementHub.FileName))).Items;

    [Fact]
    public async Task Set_Accepted_PersistedAndRepublishedRetained_ScreensReceiveIt()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        await admin.SubscribeAsync("mpp/probolinggo/events");

        var result = await Commands.SendAsync(admin, "admin", SetTopic, """{"id":"ktp-el","kind":"text","title":"Perekaman KTP-el","priority":"high"}""");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(["ktp-el"], Retained(host).Select(a => a.Id));
        Assert.Equal(["ktp-el"], Persisted(host).Select(a => a.Id));
        await admin.WaitForAsync("mpp/probolinggo/events", t => t.Contains("\"type\":\"command-result\"") && t.Contains("\"ok\":true"));

        // A screen (read-only role) gets the retained list on subscribe.
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
        await screen.SubscribeAsync(ListTopic);
        var message = await screen.WaitForAsync(ListTopic, t => t.Contains("ktp-el"));
        Assert.True(message.Retain);
    }

    [Fact]
    public async Task Set_SameId_Replaces_Delete_Removes()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, """{"id":"a","kind":"text","title":"Satu"}""")).Ok);
        Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, """{"id":"a","kind":"text","title":"Dua"}""")).Ok);
        Assert.Equal("Dua", Assert.Single(Retained(host)).Title!.Id);

        Assert.True((await Commands.SendAsync(admin, "admin", DeleteTopic, """{"id":"a"}""")).Ok);
        Assert.Empty(Retained(host));
        Assert.Empty(Persisted(host));

        var missing = await Commands.SendAsync(admin, "admin", DeleteTopic, """{"id":"a"}""");
        Assert.False(missing.Ok);
        Assert.Equal("id", missing.Field);
    }

    [Fact]
    public async Task Broadcast_AllSites_IsApplied()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");

        var result = await Commands.SendAsync(admin, "admin", "mpp/all/announcements/set", """{"id":"libur","kind":"text","title":"Libur nasional"}""");

        Assert.True(result.Ok, result.Error);
        Assert.Equal(["libur"], Retained(host).Select(a => a.Id));
    }

    public static TheoryData<string, string, string> BadPayloads => new()
    {
        { "not json", "payload", "not valid JSON" },                                                                   // non-JSON
        { """{"id":"a","kind":"video","title":"x"}""", "kind", "unknown value 'video'" },                              // unknown kind
        { """{"id":"a","kind":"text","title":"x","seconds":"10"}""", "seconds", "whole number" },                     // wrong type
        { """{"id":"a","kind":"text","title":"x","when":"Mo-Xx 08:00-12:00"}""", "when", "opening_hours" },           // bad when expression (engine)
        { """{"id":"a","kind":"text","title":"x","until":"2024-07-01T09:00:00+07:00"}""", "until", "in the past" },  // already expired
        { """{"id":"a","kind":"text","title":"x","untill":"2024-08-01T09:00:00+07:00"}""", "untill", "unknown field" }, // typo
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task Set_BadPayload_ReasonAndNothingChanged(string payload, string field, string reason)
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, """{"id":"keep","kind":"text","title":"Tetap"}""")).Ok);
        var before = host.Outbox.GetRetained(ListTopic);
        var fileBefore = File.ReadAllBytes(Path.Combine(host.StateDirectory, AnnouncementHub.FileName));

        var result = await Commands.SendAsync(admin, "admin", SetTopic, payload);

        Assert.False(result.Ok);
        Assert.Equal(field, result.Field);
        Assert.Contains(reason, result.Error);
        Assert.Same(before, host.Outbox.GetRetained(ListTopic));
        Assert.Equal(fileBefore, File.ReadAllBytes(Path.Combine(host.StateDirectory, AnnouncementHub.FileName)));
    }

    [Fact]
    public async Task Set_ByScreenUser_IsDeniedByTheBroker()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");

        var ack = await screen.PublishAsync(SetTopic, Encoding.UTF8.GetBytes("""{"id":"x","kind":"text","title":"x"}"""));

        Assert.False(ack.IsSuccess);
        Assert.Empty(Retained(host));
    }

    [Fact]
    public async Task ExpiredItem_LeavesTheRetainedListAtItsUntil()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, """{"id":"pagi","kind":"text","title":"Pagi","until":"2024-07-01T10:30:00+07:00"}""")).Ok);
        Assert.Single(Retained(host));

        host.Time.SetUtcNow(Time.Dto(Time.J(2024, 7, 1, 10, 30)));

        await Eventually.TrueAsync(() => Retained(host).Count == 0, "the expired item to leave the retained list");

        Assert.Empty(Persisted(host));
    }

    [Fact]
    public async Task Restart_KeepsTheList()
    {
        var dir = TempDir.Create("ctl");
        await using (var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), stateDirectory: dir))
        {
            await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
            Assert.True((await Commands.SendAsync(admin, "admin", SetTopic, """{"id":"tetap","kind":"text","title":"Tetap ada"}""")).Ok);
            await host.StopAsync();
        }

        await using var again = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 11, 0), stateDirectory: dir);
        Assert.Equal(["tetap"], Retained(again).Select(a => a.Id));
    }

    [Fact]
    public async Task CorruptFile_StartsEmpty_AndKeepsTheFileAside()
    {
        var dir = TempDir.Create("ctl");
        File.WriteAllText(Path.Combine(dir, AnnouncementHub.FileName), "{ half a file");

        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), stateDirectory: dir);

        Assert.Empty(Retained(host));
        Assert.True(File.Exists(Path.Combine(dir, AnnouncementHub.FileName + ".corrupt")));
        host.Logs.ExpectError("is unreadable");
        Assert.Contains(host.Logs.Errors, e => e.Contains("announcements.json is unreadable", StringComparison.Ordinal));
    }
}
