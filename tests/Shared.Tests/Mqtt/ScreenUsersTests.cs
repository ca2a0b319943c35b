using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

/// <summary>Issue 10 item 1: a screen user is bound to one screen id, and the rules let it speak only as that id.</summary>
public sealed class ScreenUsersTests
{
    private const string Site = "probolinggo";

    [Theory]
    [InlineData("screen", "pintu-utama")]
    [InlineData("screen-lobby", "lobby")]
    [InlineData("screen-loket_2", "loket_2")]
    [InlineData("screen-", null)]          // no id
    [InlineData("screen-Lobby", null)]     // not a valid screen id
    [InlineData("screen-a/b", null)]       // would reach another topic level
    [InlineData("screen-+", null)]
    [InlineData("lobby", null)]            // not a screen user name
    [InlineData("staff", null)]
    public void ScreenIdOf_BindsOnlyScreenUserNames(string user, string? expected) =>
        Assert.Equal(expected, ScreenUsers.ScreenIdOf(user));

    [Theory]
    [InlineData("pintu-utama", "screen")]
    [InlineData("lobby", "screen-lobby")]
    public void UserOf_IsTheInverse(string screen, string user)
    {
        Assert.Equal(user, ScreenUsers.UserOf(screen));
        Assert.Equal(screen, ScreenUsers.ScreenIdOf(user));
    }

    [Theory]
    [InlineData("screen", "mpp/probolinggo/screens/pintu-utama/screenshot", true)]
    [InlineData("screen", "mpp/probolinggo/screens/pintu-utama/availability", true)]
    [InlineData("screen", "mpp/probolinggo/screens/lobby/screenshot", false)]
    [InlineData("screen", "mpp/probolinggo/screens/lobby/availability", false)]
    [InlineData("screen-lobby", "mpp/probolinggo/screens/lobby/screenshot", true)]
    [InlineData("screen-lobby", "mpp/probolinggo/screens/pintu-utama/screenshot", false)]
    [InlineData("lobby", "mpp/probolinggo/screens/lobby/screenshot", false)]  // a screen-role user bound to no id
    public void Screen_PublishesOnlyAsItsOwnId(string user, string topic, bool allowed) =>
        Assert.Equal(allowed, RoleTopicRules.CanPublish(MqttRole.Screen, topic, Site, user));

    [Fact]
    public void Screen_ReadsOnlyItsOwnScreenshotRequests()
    {
        Assert.True(RoleTopicRules.CanRead(MqttRole.Screen, "mpp/probolinggo/screens/lobby/screenshot/get", Site, "screen-lobby"));
        Assert.False(RoleTopicRules.CanRead(MqttRole.Screen, "mpp/probolinggo/screens/pintu-utama/screenshot/get", Site, "screen-lobby"));
        Assert.False(RoleTopicRules.CanSubscribe(MqttRole.Screen, "mpp/probolinggo/screens/pintu-utama/#", Site, "screen-lobby"));
    }

    [Fact]
    public void MosquittoAcl_NamesEachScreenUsersOwnId_InItsBlock()
    {
        var acl = RoleTopicRules.ToMosquittoAcl([("screen", MqttRole.Screen), ("screen-lobby", MqttRole.Screen), ("lobby", MqttRole.Screen)], "+");
        Assert.Contains("user screen\n", acl, StringComparison.Ordinal);
        Assert.Contains("user screen-lobby\n", acl, StringComparison.Ordinal);
        var blocks = acl.Split("\n\n");
        var entrance = Assert.Single(blocks, b => b.Contains("user screen\n", StringComparison.Ordinal));
        var lobby = Assert.Single(blocks, b => b.Contains("user screen-lobby\n", StringComparison.Ordinal));
        var unbound = Assert.Single(blocks, b => b.Contains("user lobby\n", StringComparison.Ordinal));
        Assert.Contains("topic write mpp/+/screens/pintu-utama/screenshot\n", entrance, StringComparison.Ordinal);
        Assert.DoesNotContain("screens/lobby", entrance, StringComparison.Ordinal);
        Assert.Contains("topic write mpp/+/screens/lobby/availability", lobby, StringComparison.Ordinal);
        Assert.DoesNotContain("pintu-utama", lobby, StringComparison.Ordinal);
        Assert.DoesNotContain("screens/", unbound, StringComparison.Ordinal);
        Assert.DoesNotContain("screens/+", acl, StringComparison.Ordinal);
        Assert.DoesNotContain("{screen}", acl, StringComparison.Ordinal);
    }
}
