using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

/// <summary>Issue 10 item 2: the one parser of a command's Response Topic.</summary>
public sealed class ResponseTopicOwnerTests
{
    [Fact]
    public void IsResponseTopicOf_AcceptsOnlyTheUsersOwnLevels()
    {
        var topics = new Topics("probolinggo");
        Assert.True(topics.IsResponseTopicOf("staff", "mpp/probolinggo/responses/staff/abc"));
        Assert.True(topics.IsResponseTopicOf("staff", "mpp/probolinggo/responses/staff/a/b"));
        Assert.False(topics.IsResponseTopicOf("staff", "mpp/probolinggo/responses/staff"));
        Assert.False(topics.IsResponseTopicOf("staff", "mpp/probolinggo/responses/staffx/a"));
        Assert.False(topics.IsResponseTopicOf("staff", "mpp/probolinggo/responses/staff/+"));
        Assert.False(topics.IsResponseTopicOf("staff", "mpp/probolinggo/responses/staff/" + new string('a', Topics.MaxResponseTopicLength)));
        Assert.False(topics.IsResponseTopicOf("+", "mpp/probolinggo/responses/+/a"));
        Assert.False(topics.IsResponseTopicOf("staff", null));
        Assert.Equal("desk1", topics.ResponseTopicOwner("mpp/probolinggo/responses/desk1/x"));
        Assert.Null(topics.ResponseTopicOwner("mpp/probolinggo/responses//x"));
        Assert.Null(topics.ResponseTopicOwner("mpp/kota-lain/responses/desk1/x"));
        Assert.Null(topics.ResponseTopicOwner("mpp/probolinggo/status"));
    }
}
