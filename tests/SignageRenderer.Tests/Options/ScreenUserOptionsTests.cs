using Microsoft.Extensions.Configuration;
using MppSignage.SignageRenderer.Options;

namespace MppSignage.SignageRenderer.Tests.Options;

/// <summary>
/// Issue 10 item 1: a screen publishes only as its own screen id, so a renderer whose <c>Screen:Id</c> is not
/// the one its <c>Mqtt:Username</c> is bound to refuses to start, naming both keys and the fix.
/// </summary>
public sealed class ScreenUserOptionsTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
        SignageOptions.Load(config, out var problems);
        return problems;
    }

    [Theory]
    [InlineData("screen", "pintu-utama")]
    [InlineData("screen-lobby", "lobby")]
    [InlineData("", "pintu-utama")]        // the default user 'screen'
    public void MatchingUserAndScreen_Start(string user, string screen) =>
        Assert.Empty(Problems(("Mqtt:Username", user), ("Screen:Id", screen)));

    [Fact]
    public void SharedUserOnAnotherScreen_RefusedNamingBothKeysAndTheUserToUse()
    {
        var problem = Assert.Single(Problems(("Mqtt:Username", "screen"), ("Screen:Id", "lobby")));

        Assert.StartsWith("Screen:Id: 'lobby' does not match Mqtt:Username: 'screen' is bound to screen 'pintu-utama'", problem, StringComparison.Ordinal);
        Assert.Contains("connect as 'screen-lobby'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void UserOfAnotherScreen_Refused() =>
        Assert.Contains("is bound to screen 'lobby'", Assert.Single(Problems(("Mqtt:Username", "screen-lobby"), ("Screen:Id", "pintu-utama"))), StringComparison.Ordinal);

    [Fact]
    public void UserBoundToNoScreen_Refused()
    {
        var problem = Assert.Single(Problems(("Mqtt:Username", "entrance"), ("Screen:Id", "pintu-utama")));

        Assert.Contains("Mqtt:Username: 'entrance' is bound to no screen", problem, StringComparison.Ordinal);
        Assert.Contains("connect as 'screen'", problem, StringComparison.Ordinal);
    }
}
