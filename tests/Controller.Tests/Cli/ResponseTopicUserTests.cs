using MppSignage.Controller.Cli;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>The command verbs name their response topic after the user; a user that is not one topic level is refused before connecting.</summary>
public sealed class ResponseTopicUserTests
{
    [Theory]
    [InlineData("staff/../admin")] // would reach past mpp/{site}/responses/{user}
    [InlineData("#")]              // wildcard
    public async Task Override_UserThatCannotNameAResponseTopic_Exits2WithoutConnecting(string user)
    {
        var error = new StringWriter();
        // Port 1 has no broker: reaching the connect would print "cannot reach the broker" instead.
        var code = await OverrideVerb.Create(new StringWriter(), error).Parse(["closed", "-u", user, "-P", "x", "--port", "1"]).InvokeAsync();
        Assert.Equal(2, code);
        Assert.Contains($"override: --user: '{user}' cannot be an MQTT user here", error.ToString());
    }
}
