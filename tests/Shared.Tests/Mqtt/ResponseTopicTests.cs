using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

public sealed class ResponseTopicTests
{
    [Fact]
    public void ResponseTopic_UserAndId_IsUnderThatUsersResponses()
    {
        var topics = new Topics("probolinggo");
        Assert.Equal("mpp/probolinggo/responses/staff/0a1b", topics.ResponseTopic("staff", "0a1b"));
        Assert.StartsWith(topics.Responses("staff") + "/", topics.ResponseTopic("staff", "x"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("staff/admin")] // a separator would put the answer under another user's topics
    [InlineData("staff/#")]     // wildcard
    [InlineData("+")]           // wildcard
    [InlineData("")]            // empty
    [InlineData("st\naff")]     // control character
    public void ResponseTopic_UserThatIsNotOneLevel_Throws(string user)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Topics("probolinggo").ResponseTopic(user, "0a1b"));
        Assert.Equal("user", ex.ParamName);
    }

    [Theory]
    [InlineData("a/b")] // separator
    [InlineData("#")]   // wildcard
    public void ResponseTopic_IdThatIsNotOneLevel_Throws(string id)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Topics("probolinggo").ResponseTopic("staff", id));
        Assert.Equal("requestId", ex.ParamName);
    }

    [Fact]
    public void IsValidTopicLevel_LongerThan64_IsFalse()
    {
        Assert.True(Topics.IsValidTopicLevel(new string('a', 64)));
        Assert.False(Topics.IsValidTopicLevel(new string('a', 65)));
    }
}
