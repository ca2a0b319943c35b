using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

/// <summary>The rights the web panel's topics need (history request/response, the screens' own availability).</summary>
public sealed class PanelTopicRulesTests
{
    private static readonly Topics T = new("probolinggo");

    [Theory]
    [InlineData(MqttRole.Staff, true)] // the panel's history page for staff
    [InlineData(MqttRole.Admin, true)] // and for admins
    [InlineData(MqttRole.Screen, false)] // screens have no business in the journal
    [InlineData(MqttRole.HomeAssistant, false)] // nor Home Assistant
    public void HistoryGet_PublishRights(MqttRole role, bool allowed) =>
        Assert.Equal(allowed, RoleTopicRules.CanPublish(role, T.HistoryGet, "probolinggo", "u"));

    [Theory]
    [InlineData(MqttRole.Screen, true)] // a screen announces itself (and its Last Will)
    [InlineData(MqttRole.Staff, false)] // nobody else may claim a screen is online
    [InlineData(MqttRole.Admin, false)] // not even an admin
    public void ScreenAvailability_PublishRights(MqttRole role, bool allowed) =>
        Assert.Equal(allowed, RoleTopicRules.CanPublish(role, T.ScreenAvailability("pintu-utama"), "probolinggo", "screen")); // user "screen" is screen pintu-utama

    [Theory]
    [InlineData(MqttRole.Admin, true)] // the screens page
    [InlineData(MqttRole.Staff, false)] // staff have no screens page
    public void ScreenAvailability_ReadRights(MqttRole role, bool allowed) =>
        Assert.Equal(allowed, RoleTopicRules.CanRead(role, T.ScreenAvailability("pintu-utama"), "probolinggo", "u"));

    [Theory]
    [InlineData(MqttRole.Admin, true)] // the announcement preview
    [InlineData(MqttRole.Staff, false)] // staff have no announcements page
    [InlineData(MqttRole.Screen, false)] // screens only answer
    public void PreviewGet_PublishRights(MqttRole role, bool allowed) =>
        Assert.Equal(allowed, RoleTopicRules.CanPublish(role, T.PreviewGet("pintu-utama"), "probolinggo", "u"));

    [Fact]
    public void Preview_ScreenAnswersAndAdminReads()
    {
        Assert.True(RoleTopicRules.CanRead(MqttRole.Screen, T.PreviewGet("pintu-utama"), "probolinggo", "screen"));
        Assert.True(RoleTopicRules.CanPublish(MqttRole.Screen, T.Preview("pintu-utama"), "probolinggo", "screen"));
        Assert.True(RoleTopicRules.CanRead(MqttRole.Admin, T.Preview("pintu-utama"), "probolinggo", "admin"));
        Assert.False(RoleTopicRules.CanRead(MqttRole.Staff, T.Preview("pintu-utama"), "probolinggo", "staff"));
    }

    [Fact]
    public void MosquittoAcl_CarriesTheNewRules()
    {
        var acl = RoleTopicRules.ToMosquittoAcl([("staff", MqttRole.Staff), ("screen", MqttRole.Screen)], "+");

        Assert.Contains("user staff\n", acl, StringComparison.Ordinal);
        Assert.Contains("topic write mpp/+/history/get\n", acl, StringComparison.Ordinal);
        Assert.Contains("topic write mpp/+/screens/pintu-utama/availability\n", acl, StringComparison.Ordinal); // a screen only as its own id
    }
}
