using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

public sealed class TopicsTests
{
    [Fact]
    public void Topics_ForSite_AreRootedAtSite()
    {
        var topics = new Topics("probolinggo");
        Assert.Equal("mpp/probolinggo/status", topics.Status);
        Assert.Equal("mpp/probolinggo/override/set", topics.OverrideSet);
        Assert.Equal("mpp/probolinggo/screens/lobby/screenshot/get", topics.ScreenshotGet("lobby"));
        Assert.Equal("mpp/all/announcements/set", Topics.BroadcastAnnouncementsSet);
    }

    [Theory]
    [InlineData("")]            // empty
    [InlineData("all")]         // reserved for broadcast
    [InlineData("Kota Prob")]   // space and capital
    [InlineData("a/b")]         // topic separator
    [InlineData("a+#")]         // wildcards
    public void Topics_InvalidSite_Throws(string site)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Topics(site));
    }
}
