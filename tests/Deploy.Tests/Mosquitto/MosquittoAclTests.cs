using MppSignage.Deploy.Tests.Scripts;
using MppSignage.Shared.Mqtt;
using MppSignage.TestSupport;

namespace MppSignage.Deploy.Tests.Mosquitto;

/// <summary>
/// The Pi's Mosquitto ACL (deploy-pi/mosquitto/mpp-signage.acl) must grant exactly what the embedded
/// broker enforces (Shared RoleTopicRules), so a site behaves the same on either broker. The file is
/// bound to every site (<c>+</c>) so changing the site id needs no new ACL.
/// </summary>
public sealed class MosquittoAclTests
{
    private static readonly (string User, MqttRole Role)[] InstallUsers =
        [("controller", MqttRole.Controller), ("admin", MqttRole.Admin), ("staff", MqttRole.Staff), ("screen", MqttRole.Screen),
         ("homeassistant", MqttRole.HomeAssistant)];

    [Fact]
    public void DeployAcl_SameRulesAsRoleTopicRules()
    {
        var path = Path.Combine(RepoPaths.Root, "deploy-pi", "mosquitto", "mpp-signage.acl");
        var expected = Rules(RoleTopicRules.ToMosquittoAcl(InstallUsers, "+"));

        var actual = Rules(File.ReadAllText(path));

        Assert.True(expected.SequenceEqual(actual),
            $"{path} differs from RoleTopicRules.ToMosquittoAcl(users, \"+\"). Expected rules:\n{string.Join('\n', expected)}");
    }

    [Fact]
    public void DeployAcl_EveryUserInstallGeneratesHasABlock()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy-pi", "mosquitto", "mpp-signage.acl"));

        foreach (var (user, _) in InstallUsers)
        {
            Assert.Contains($"\nuser {user}\n", text, StringComparison.Ordinal);
        }
    }

    private static List<string> Rules(string acl) =>
        [.. acl.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
