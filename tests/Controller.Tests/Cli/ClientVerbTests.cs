using MppSignage.Controller.Cli;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>The <c>override</c> and <c>status</c> verbs against a running controller.</summary>
public sealed class ClientVerbTests
{
    [Fact]
    public async Task Override_Accepted_PrintsOkAndRelayFollows()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OverrideVerb.Create(output, error).Parse(["open", "--until", "2024-07-01T16:00:00+07:00", "--reason", "antrian", "--user", "staff", "--password", "staff-pw", "--port", host.Port.ToString(), "--host", "127.0.0.1"]).InvokeAsync();
        Assert.True(code == 0, error.ToString());
        Assert.Contains("ok: override open until 2024-07-01T16:00:00+07:00", output.ToString());
        Assert.True(host.RelayOn);
        Assert.Equal("staff via cli", host.Status().Override!.By);
    }

    [Fact]
    public async Task Override_RefusedByController_PrintsFieldAndExits1()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OverrideVerb.Create(output, error).Parse(["open", "--until", "2024-07-01T14:00:00+07:00", "-u", "staff", "-P", "staff-pw", "--port", host.Port.ToString()]).InvokeAsync();
        Assert.Equal(1, code);
        Assert.Contains("refused: until: 2024-07-01T14:00:00+07:00 is not in the future (now is 2024-07-01T15:00:00+07:00)", error.ToString());
        Assert.False(host.RelayOn);
    }

    [Fact]
    public async Task Override_ByScreenUser_RefusedByBroker()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0));
        var error = new StringWriter();
        var code = await OverrideVerb.Create(new StringWriter(), error).Parse(["closed", "-u", "screen", "-P", "screen-pw", "--port", host.Port.ToString()]).InvokeAsync();
        Assert.Equal(1, code);
        Assert.Contains("NotAuthorized", error.ToString());
    }

    [Fact]
    public async Task Override_BadUntil_Exits2WithoutConnecting()
    {
        var error = new StringWriter();
        var code = await OverrideVerb.Create(new StringWriter(), error).Parse(["open", "--until", "soon", "-u", "staff", "-P", "x", "--port", "1"]).InvokeAsync();
        Assert.Equal(2, code);
        Assert.Contains("--until 'soon'", error.ToString());
    }

    [Fact]
    public async Task Status_PrintsRetainedStatusReadably()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await StatusVerb.Create(output, error).Parse(["-u", "screen", "-P", "screen-pw", "--port", host.Port.ToString()]).InvokeAsync();
        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("probolinggo: OPEN", text);
        Assert.Contains("closes at   Mon 2024-07-01 14:00 +07:00", text);
        Assert.Contains("relay       on", text);
    }

    [Theory]
    [InlineData("15:30", "2024-07-01T15:30:00+07:00")]    // later today
    [InlineData("09:00", "2024-07-02T09:00:00+07:00")]    // already past: tomorrow
    [InlineData("+90m", "2024-07-01T16:30:00+07:00")]     // relative
    [InlineData("2024-07-01T18:00:00+07:00", "2024-07-01T18:00:00+07:00")] // ISO with offset
    public void ParseUntil_AcceptsStaffFriendlyForms(string text, string expected)
    {
        var parsed = OverrideVerb.ParseUntil(text, Jakarta, J(2024, 7, 1, 15, 0));
        Assert.Equal(expected, MppSignage.Shared.Mqtt.IsoTime.Format(parsed!.Value, Jakarta));
    }
}
