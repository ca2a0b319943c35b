using MppSignage.Shared.Control;
using MppSignage.TestSupport;
using System.Text;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>Every class of bad command gets its reason (on the Response Topic and on events) and changes nothing.</summary>
public sealed class BadCommandTests
{
    private const string OverrideTopic = "mpp/probolinggo/override/set";
    private const string ScheduleTopic = "mpp/probolinggo/schedule/set";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { OverrideTopic, "not json at all", "payload", "not valid JSON" },                                             // non-JSON
        { OverrideTopic, """{"state":true}""", "state", "must be a string" },                                         // wrong type
        { OverrideTopic, """{"state":"ajar"}""", "state", "unknown value 'ajar'" },                                   // unknown value
        { OverrideTopic, """{"state":"open","until":"kemarin"}""", "until", "ISO 8601" },                             // invalid date
        { OverrideTopic, """{"state":"open","until":"2024-07-01T09:00:00+07:00"}""", "until", "not in the future" },  // past until
        { OverrideTopic, """{"state":"open","until":"2024-07-09T09:00:00+07:00"}""", "until", "maximum override" },   // beyond the cap
        { OverrideTopic, """{"state":"open","who":"me"}""", "who", "unknown field" },                                 // unknown field
        { OverrideTopic, "[\"open\"]", "payload", "JSON object" },                                                     // wrong root
        { ScheduleTopic, """{"timeZone":"Asia/Jakarta","versions":[]}""", "versions", "" },                             // invalid schedule document
        { ScheduleTopic, "{{{", "payload", "not valid JSON" },                                                          // non-JSON schedule
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadCommand_GetsReason_AndChangesNothing(string topic, string payload, string field, string fragment)
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        await admin.SubscribeAsync("mpp/probolinggo/events");
        var before = host.Outbox.GetRetained("mpp/probolinggo/status");
        var scheduleBefore = host.Outbox.GetRetained("mpp/probolinggo/schedule");

        var result = await Commands.SendAsync(admin, "admin", topic, payload);

        Assert.False(result.Ok);
        Assert.StartsWith(field, result.Field);
        Assert.Contains(fragment, result.Error);
        await admin.WaitForAsync("mpp/probolinggo/events", t => t.Contains("\"type\":\"command-result\"") && t.Contains("\"ok\":false") && t.Contains($"\"field\":\"{result.Field}\""));
        Assert.True(host.RelayOn);
        Assert.Equal(before, host.Outbox.GetRetained("mpp/probolinggo/status"));   // not even republished
        Assert.Equal(scheduleBefore, host.Outbox.GetRetained("mpp/probolinggo/schedule"));
        Assert.False(File.Exists(Path.Combine(host.StateDirectory, "override.json")));
        Assert.False(File.Exists(Path.Combine(host.StateDirectory, "schedule.json")));
    }

    [Fact]
    public async Task RetainedCommand_IsRefused()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        var result = await Commands.SendAsync(staff, "staff", OverrideTopic, """{"state":"closed"}""", retain: true);
        Assert.False(result.Ok);
        Assert.Equal("retain", result.Field);
        Assert.True(host.RelayOn);
    }

    [Fact]
    public async Task OversizedCommand_IsRefused()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        var payload = Encoding.UTF8.GetBytes("{\"state\":\"closed\",\"reason\":\"" + new string('x', CommandLimits.MaxPayloadBytes + 10) + "\"}");
        var result = await Commands.SendAsync(staff, "staff", OverrideTopic, payload);
        Assert.False(result.Ok);
        Assert.Equal("payload", result.Field);
        Assert.Contains("64 KiB", result.Error);
        Assert.True(host.RelayOn);
    }

    [Fact]
    public async Task ValidSchedule_IsPersistedRepublishedAndInForce()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        const string document = """{"name":"test","timeZone":"Asia/Jakarta","versions":[{"from":"2020-01-01","hours":"Mo-Fr 07:00-09:00","source":"test"}]}""";
        var result = await Commands.SendAsync(admin, "admin", ScheduleTopic, document);
        Assert.True(result.Ok, result.Error);
        Assert.False(host.RelayOn);   // 10:00 is now after hours
        Assert.Equal(document, File.ReadAllText(Path.Combine(host.StateDirectory, "schedule.json")));
        await admin.SubscribeAsync("mpp/probolinggo/schedule");
        await admin.WaitForAsync("mpp/probolinggo/schedule", t => t == document);
        Assert.Contains(await host.JournalAsync(), e => e.Type == "schedule" && e.By == "admin");
    }
}
