using System.Text;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using MQTTnet;

namespace MppSignage.SystemTests.Roles;

/// <summary>
/// Runs the role × topic-family matrix against a broker on loopback, with MQTT 5 and QoS 1:
/// every role publishes to every family (allowed: PUBACK success and an observer receives it; forbidden:
/// PUBACK NotAuthorized and nobody receives it), and every role reads every family, once with exact
/// subscriptions and once with a broad <c>#</c> (it receives exactly what it may read, nothing else).
/// "Received nothing" is proven without sleeping: after the tested messages a sentinel every role may read is
/// published, and a reader's queue is checked once the sentinel arrived (the broker delivers in order).
/// </summary>
internal static class RoleMatrix
{
    /// <summary>A topic every role may read, used as the end marker.</summary>
    private const string Sentinel = $"mpp/{TopicFamily.Site}/availability";

    public sealed record Outcome(int Checks, List<string> Failures);

    /// <param name="port">The broker's port.</param>
    /// <param name="families">The families to check.</param>
    /// <param name="foreignPublisher">A user allowed to publish to the foreign families (a controller of the other site), if the broker has one.</param>
    public static async Task<Outcome> RunAsync(int port, IReadOnlyList<TopicFamily> families, (string User, string Password)? foreignPublisher = null)
    {
        var failures = new List<string>();
        var checks = 0;
        var run = Guid.NewGuid().ToString("N")[..8];

        // Observers see whatever their role may read: admin everything of mpp/, Home Assistant its prefix.
        await using var observerMpp = await MqttTestClient.ConnectAsync(port, "admin", TestUsers.Password("admin"));
        await observerMpp.SubscribeAllAsync("mpp/#");
        await using var observerHa = await MqttTestClient.ConnectAsync(port, "homeassistant", TestUsers.Password("homeassistant"));
        await observerHa.SubscribeAllAsync("homeassistant/#");
        await using var sentinelSender = await MqttTestClient.ConnectAsync(port, "controller", TestUsers.Password("controller"));

        // 1. Publish: every role to every family.
        var allowedIds = new HashSet<string>();
        var deniedIds = new HashSet<string>();
        foreach (var (user, role, password) in TestUsers.Users)
        {
            await using var client = await MqttTestClient.ConnectAsync(port, user, password);
            foreach (var family in families)
            {
                var id = $"pub-{run}-{user}-{family.Name}";
                var result = await client.PublishAsync(family.Topic, id);
                checks++;
                var expected = family.CanPublish(role);
                if (expected && !MqttTestClient.Accepted(result))
                {
                    failures.Add($"{user} ({RoleTopicRules.Name(role)}) publish {family.Topic}: expected allowed, got {result.ReasonCode} {result.ReasonString}");
                }
                else if (!expected && result.ReasonCode != MqttClientPublishReasonCode.NotAuthorized)
                {
                    failures.Add($"{user} ({RoleTopicRules.Name(role)}) publish {family.Topic}: expected NotAuthorized, got {result.ReasonCode}");
                }

                (expected ? allowedIds : deniedIds).Add(id);
            }
        }

        // Delivery of the allowed publishes (and none of the denied) to the observers, checked after a sentinel.
        var sentinelId = $"sentinel-{run}-publish";
        await sentinelSender.PublishAsync(Sentinel, sentinelId);
        await sentinelSender.PublishAsync("homeassistant/select/" + TopicFamily.Site + "/sentinel/config", sentinelId);
        await observerMpp.WaitForAsync(Sentinel, t => t == sentinelId);
        await observerHa.WaitForAsync("homeassistant/select/" + TopicFamily.Site + "/sentinel/config", t => t == sentinelId);
        var observed = observerMpp.Received.Concat(observerHa.Received).Select(m => m.Text).ToHashSet();
        foreach (var family in families)
        {
            foreach (var (user, role, _) in TestUsers.Users)
            {
                var id = $"pub-{run}-{user}-{family.Name}";
                // Only families an observer can see prove delivery; the rest are covered by the read part.
                var observable = family.CanRead(MqttRole.Admin) || family.CanRead(MqttRole.HomeAssistant);
                if (!observable)
                {
                    continue;
                }

                checks++;
                if (family.CanPublish(role) && !observed.Contains(id))
                {
                    failures.Add($"{user} publish {family.Topic}: accepted but never delivered to an observer");
                }
                else if (!family.CanPublish(role) && observed.Contains(id))
                {
                    failures.Add($"{user} publish {family.Topic}: refused publish was delivered anyway");
                }
            }
        }

        // 2. Read: each role with exact subscriptions and with a broad '#'.
        var readers = new List<(MqttRole Role, string User, string Mode, MqttTestClient Probe)>();
        try
        {
            foreach (var (user, role, password) in TestUsers.Users)
            {
                var exact = await MqttTestClient.ConnectAsync(port, user, password);
                readers.Add((role, user, "exact", exact));
                foreach (var family in families.Append(new TopicFamily("sentinel", Sentinel, [], [])))
                {
                    // Granted or refused is broker-specific (Mosquitto grants and filters); delivery is what counts.
                    await exact.SubscribeAsync(family.Topic);
                }

                var broad = await MqttTestClient.ConnectAsync(port, user, password);
                readers.Add((role, user, "#", broad));
                await broad.SubscribeAsync("#");
            }

            foreach (var family in families)
            {
                var publisher = family.Publishers.Length > 0
                    ? TestUsers.Users.First(u => u.Role == family.Publishers[0])
                    : family.OtherSite && foreignPublisher is { } fp ? (fp.User, MqttRole.Controller, fp.Password) : default;
                if (publisher.User is null)
                {
                    continue;
                }

                await using var sender = await MqttTestClient.ConnectAsync(port, publisher.User, publisher.Password);
                var result = await sender.PublishAsync(family.Topic, $"read-{run}-{family.Name}");
                Assert.True(MqttTestClient.Accepted(result), $"{publisher.User} must be able to publish {family.Topic} for the read check: {result.ReasonCode}");
            }

            var readSentinel = $"sentinel-{run}-read";
            await sentinelSender.PublishAsync(Sentinel, readSentinel);
            foreach (var (role, user, mode, probe) in readers)
            {
                await probe.WaitForAsync(Sentinel, t => t == readSentinel);
                var got = probe.Received.Select(m => m.Text).ToHashSet();
                foreach (var family in families)
                {
                    var hasPublisher = family.Publishers.Length > 0 || (family.OtherSite && foreignPublisher is not null);
                    if (!hasPublisher)
                    {
                        continue;
                    }

                    checks++;
                    var received = got.Contains($"read-{run}-{family.Name}");
                    if (received != family.CanRead(role))
                    {
                        failures.Add($"{user} ({RoleTopicRules.Name(role)}, {mode}) read {family.Topic}: expected {(family.CanRead(role) ? "to receive it" : "nothing")}, {(received ? "received it" : "received nothing")}");
                    }
                }
            }
        }
        finally
        {
            foreach (var r in readers)
            {
                await r.Probe.DisposeAsync();
            }
        }

        return new Outcome(checks, failures);
    }
}
