using System.Text.Json;
using MppSignage.TestSupport;
using MppSignage.Shared.Mqtt;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary><c>history/get</c>: pages of the journal, newest first, only on the private response topic.</summary>
public sealed class HistoryOverMqttTests
{
    private static readonly string Get = $"mpp/{ControllerTestHost.Site}/history/get";

    [Fact]
    public async Task HistoryGet_Staff_PagesTheJournalNewestFirst()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"open","reason":"antrian"}""")).Ok);
        Assert.False((await Commands.OverrideAsync(staff, "staff", """{"state":"ajar"}""")).Ok);
        var journal = await host.JournalAsync();

        var first = await AskAsync(staff, """{"limit":2}""");

        Assert.Null(first.Error);
        Assert.Equal(journal.Count, first.Total);
        Assert.Equal(2, first.Items.Count);
        Assert.Equal(journal[^1], first.Items[0]);
        Assert.Equal(journal[^2], first.Items[1]);
        Assert.Equal(journal.Count - 2, first.Next);
        var rest = await AskAsync(staff, $$"""{"before":{{first.Next}},"limit":100}""");
        Assert.Equal(journal.Take(journal.Count - 2).Reverse(), rest.Items);
        Assert.Null(rest.Next);
    }

    [Theory]
    [InlineData("""{"limit":0}""", "limit")] // below the range
    [InlineData("""{"limit":101}""", "limit")] // above the range
    [InlineData("""{"before":-1}""", "before")] // negative position
    [InlineData("""{"page":2}""", "page")] // unknown field
    [InlineData("""[1]""", "payload")] // not an object
    public async Task HistoryGet_BadRequest_AnswersTheProblemNamingTheField(string payload, string field)
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");

        var page = await AskAsync(staff, payload);

        Assert.Empty(page.Items);
        Assert.StartsWith(field, page.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryGet_Screen_RefusedByTheBroker()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");

        var published = await screen.PublishAsync(Get, "{}", responseTopic: $"mpp/{ControllerTestHost.Site}/responses/screen/x", correlation: [1]);

        Assert.False(published.IsSuccess);
    }

    private static async Task<HistoryPage> AskAsync(MqttTestClient client, string payload)
    {
        var id = Guid.NewGuid().ToString("N");
        var responseTopic = $"mpp/{ControllerTestHost.Site}/responses/staff/{id}";
        await client.SubscribeAsync(responseTopic);
        var published = await client.PublishAsync(Get, payload, responseTopic: responseTopic, correlation: System.Text.Encoding.ASCII.GetBytes(id));
        Assert.True(published.IsSuccess, published.ReasonString);
        var answer = await client.WaitForAsync(responseTopic);
        return JsonSerializer.Deserialize(answer.Payload, MqttJsonContext.Wire.HistoryPage)!;
    }
}
