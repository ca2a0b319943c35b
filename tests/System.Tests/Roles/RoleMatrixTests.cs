using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Roles;

/// <summary>
/// The same role matrix on both brokers: the controller's embedded MQTTnet broker and Mosquitto from Debian
/// with the shipped configuration and ACL (and with an ACL generated for one site, as a city broker shared
/// by several halls would use). Both must agree with the hand-written table in <see cref="TopicFamily"/>.
/// </summary>
public sealed class RoleMatrixTests
{
    [Fact]
    public void RoleTopicRules_AgreeWithTheIssueTable()
    {
        var failures = new List<string>();
        foreach (var family in TopicFamily.Own.Concat(TopicFamily.Foreign))
        {
            foreach (var (user, role, _) in TestUsers.Users)
            {
                var canPublish = RoleTopicRules.CanPublish(role, family.Topic, TopicFamily.Site, user);
                var canRead = RoleTopicRules.CanRead(role, family.Topic, TopicFamily.Site, user);
                if (canPublish != family.CanPublish(role))
                {
                    failures.Add($"{role} publish {family.Topic}: rules say {canPublish}");
                }

                if (canRead != family.CanRead(role))
                {
                    failures.Add($"{role} read {family.Topic}: rules say {canRead}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task EmbeddedBroker_EnforcesTheRoleMatrix()
    {
        await using var broker = await RoleBroker.StartAsync(TopicFamily.Site);
        var outcome = await RoleMatrix.RunAsync(broker.Port, [.. TopicFamily.Own, .. TopicFamily.Foreign]);
        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Checks} checks failed:\n{string.Join('\n', outcome.Failures)}");
        Figures.Record($"role matrix, embedded broker: {outcome.Checks} checks (5 roles x {TopicFamily.Own.Length + TopicFamily.Foreign.Length} topic families, publish + exact/broad read), 0 failed");
    }

    [Fact]
    public async Task Mosquitto_WithTheShippedAcl_EnforcesTheRoleMatrix()
    {
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "matrix-shipped");

        var outcome = await RoleMatrix.RunAsync(broker.Port, TopicFamily.Own);

        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Checks} checks failed:\n{string.Join('\n', outcome.Failures)}\n--- mosquitto log:\n{broker.Log}");
        Figures.Record($"role matrix, Mosquitto {MosquittoVersion()} with deploy-pi/mosquitto/mpp-signage.acl: {outcome.Checks} checks, 0 failed");
    }

    [Fact]
    public async Task Mosquitto_WithAnAclBoundToOneSite_KeepsOtherSitesApart()
    {
        // A city broker serving several halls binds each hall's users to its site (RoleTopicRules.ToMosquittoAcl(users, site)).
        var acl = RoleTopicRules.ToMosquittoAcl(TestUsers.Users.Select(u => (u.User, u.Role)), TopicFamily.Site)
            + $"\n# the other hall's test publisher\nuser other-hall\ntopic readwrite mpp/{TopicFamily.Elsewhere}/#\ntopic write homeassistant/+/{TopicFamily.Elsewhere}/#\n";
        await using var broker = await MosquittoBroker.StartAsync([.. TestUsers.Credentials, ("other-hall", "other-hall-pw")], acl, label: "matrix-bound");

        var outcome = await RoleMatrix.RunAsync(broker.Port, [.. TopicFamily.Own, .. TopicFamily.Foreign], ("other-hall", "other-hall-pw"));

        Assert.True(outcome.Failures.Count == 0, $"{outcome.Failures.Count} of {outcome.Checks} checks failed:\n{string.Join('\n', outcome.Failures)}\n--- mosquitto log:\n{broker.Log}");
        Figures.Record($"role matrix, Mosquitto with an ACL bound to one site (+ another site's user): {outcome.Checks} checks, 0 failed");
    }

    [Fact]
    public async Task Mosquitto_RefusesAnonymousAndWrongPasswords()
    {
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "matrix-auth");

        var (_, anonymous) = await MqttTestClient.TryConnectAsync(broker.Port, "", null);
        var (_, wrong) = await MqttTestClient.TryConnectAsync(broker.Port, "admin", "not-the-password");

        Assert.NotEqual(MQTTnet.MqttClientConnectResultCode.Success, anonymous);
        Assert.NotEqual(MQTTnet.MqttClientConnectResultCode.Success, wrong);
    }

    private static string MosquittoVersion() => MosquittoBroker.Version();
}
