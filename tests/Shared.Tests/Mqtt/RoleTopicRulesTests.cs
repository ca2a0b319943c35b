using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

public sealed class RoleTopicRulesTests
{
    private const string Site = "probolinggo";

    [Theory]
    [InlineData(MqttRole.Staff, "mpp/probolinggo/override/set", true)]        // staff override
    [InlineData(MqttRole.Staff, "mpp/probolinggo/schedule/set", false)]       // staff cannot change the schedule
    [InlineData(MqttRole.Screen, "mpp/probolinggo/override/set", false)]      // screens are read-only
    [InlineData(MqttRole.Admin, "mpp/probolinggo/schedule/set", true)]        // admin: every command
    [InlineData(MqttRole.Admin, "mpp/all/announcements/set", true)]           // admin: broadcast
    [InlineData(MqttRole.Admin, "mpp/other/override/set", false)]             // bound to the site
    [InlineData(MqttRole.Controller, "mpp/probolinggo/status", true)]         // controller publishes state
    [InlineData(MqttRole.Controller, "mpp/probolinggo/override/set", false)]  // but sends no commands
    [InlineData(MqttRole.Staff, "mpp/probolinggo/status", false)]             // nobody but the controller writes state
    public void CanPublish_FollowsRoleTable(MqttRole role, string topic, bool allowed)
    {
        Assert.Equal(allowed, RoleTopicRules.CanPublish(role, topic, Site, "u"));
    }

    [Fact]
    public void CanRead_ResponsesOnlyForOwnUser()
    {
        Assert.True(RoleTopicRules.CanRead(MqttRole.Staff, "mpp/probolinggo/responses/desk1/abc", Site, "desk1"));
        Assert.False(RoleTopicRules.CanRead(MqttRole.Staff, "mpp/probolinggo/responses/desk2/abc", Site, "desk1"));
        Assert.False(RoleTopicRules.CanRead(MqttRole.Screen, "mpp/probolinggo/events", Site, "s"));
        Assert.True(RoleTopicRules.CanRead(MqttRole.Screen, "mpp/probolinggo/status", Site, "s"));
    }

    [Fact]
    public void CanSubscribe_BroadFilterGrantedWhenSomethingReadable()
    {
        Assert.True(RoleTopicRules.CanSubscribe(MqttRole.Screen, "mpp/#", Site, "s"));
        Assert.False(RoleTopicRules.CanSubscribe(MqttRole.Screen, "mpp/probolinggo/override/set", Site, "s"));
        Assert.False(RoleTopicRules.CanSubscribe(MqttRole.Staff, "homeassistant/#", Site, "s"));
    }

    [Theory]
    [InlineData("a/#", "a", true)]        // # matches the parent level
    [InlineData("a/+/c", "a/b/c", true)]  // + one level
    [InlineData("a/+", "a/b/c", false)]   // + is exactly one level
    [InlineData("a/b", "a/b/c", false)]   // no implicit prefix
    public void Matches_FollowsMqttRules(string filter, string topic, bool expected)
    {
        Assert.Equal(expected, TopicFilter.Matches(filter, topic));
    }

    [Fact]
    public void ToMosquittoAcl_ListsEveryRuleOfTheUsersRole()
    {
        var acl = RoleTopicRules.ToMosquittoAcl([("desk1", MqttRole.Staff), ("lobby", MqttRole.Screen)], Site);
        Assert.Contains("user desk1\ntopic write mpp/probolinggo/override/set\n", acl);
        // Per-user topics are one Mosquitto pattern (%u = the authenticated user), not a line per user.
        Assert.StartsWith("# Generated", acl);
        Assert.Contains("\npattern read mpp/probolinggo/responses/%u/#\n", acl);
        Assert.DoesNotContain("responses/desk1", acl);
        Assert.Contains("user lobby\n", acl);
        Assert.DoesNotContain("schedule/set", acl);
    }
}
