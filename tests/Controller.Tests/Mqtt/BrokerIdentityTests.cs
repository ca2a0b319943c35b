using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;
using MppSignage.TestSupport;
using MQTTnet;
using MQTTnet.Formatter;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>Issue 10 item 1: identity is the authenticated user, not the client id, on the real embedded broker.</summary>
public sealed class BrokerIdentityTests
{
    private const string ControllerId = "mpp-controller-probolinggo";

    private static async Task<(IMqttClient Client, MqttClientConnectResult Result)> ConnectAsync(int port, string user, string clientId, bool cleanStart)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(clientId)
            .WithCleanStart(cleanStart)
            .WithSessionExpiryInterval(cleanStart ? 0u : 3600u)
            .WithCredentials(user, TestUsers.Password(user))
            .WithTimeout(MqttTestClient.DefaultTimeout)
            .Build());
        return (client, result);
    }

    [Theory]
    [InlineData(true)]   // clean start on: would kick the controller off
    [InlineData(false)]  // clean start off: would resume the controller's session and its rights
    public async Task ScreenWithTheControllersClientId_IsRefusedAtConnect_AndTheControllerStays(bool cleanStart)
    {
        // The old predictable id, configured on purpose: even an attacker who knows it gets nothing.
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: [$"--Mqtt:ClientId={ControllerId}"]);
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        await staff.SubscribeAsync("mpp/probolinggo/status");
        await staff.WaitForAsync("mpp/probolinggo/status");

        var (attacker, result) = await ConnectAsync(host.Port, "screen", ControllerId, cleanStart);
        using (attacker)
        {
            Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode);
            Assert.Contains("another user", result.ReasonString);
            Assert.False(result.IsSessionPresent);
        }

        Assert.True(host.Host.Services.GetRequiredService<ControllerMqttClient>().IsConnected);
        // The controller still answers commands with its own rights: its session was not touched.
        Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"closed"}""")).Ok);
        await staff.WaitForAsync("mpp/probolinggo/status", t => t.Contains("\"mode\":\"override\""));
    }

    [Theory]
    [InlineData(true)]   // clean start on: a takeover
    [InlineData(false)]  // clean start off: a session resume
    public async Task AnotherUsersClientId_IsRefused_AndItsOwnerKeepsTheConnection(bool cleanStart)
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        var (owner, ownerResult) = await ConnectAsync(host.Port, "staff", "desk-1", cleanStart: false);
        using (owner)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, ownerResult.ResultCode);
            var (other, result) = await ConnectAsync(host.Port, "screen", "desk-1", cleanStart);
            other.Dispose();
            Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, result.ResultCode);
            Assert.True(await owner.TryPingAsync());
        }
    }

    [Fact]
    public async Task SameUser_ReconnectingWithItsOwnClientId_TakesOverAsMqttSays()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        var (first, r1) = await ConnectAsync(host.Port, "staff", "desk-2", cleanStart: true);
        var (second, r2) = await ConnectAsync(host.Port, "staff", "desk-2", cleanStart: true);
        using (first)
        using (second)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, r1.ResultCode);
            Assert.Equal(MqttClientConnectResultCode.Success, r2.ResultCode);
            Assert.True(await second.TryPingAsync());
        }

        // After both are gone the id is free again, for any user.
        await WaitUntilAsync(() => host.Host.Services.GetRequiredService<EmbeddedBroker>().Server!.GetClientsAsync().Result.All(c => c.Id != "desk-2"));
        var (third, r3) = await ConnectAsync(host.Port, "admin", "desk-2", cleanStart: true);
        using (third)
        {
            Assert.Equal(MqttClientConnectResultCode.Success, r3.ResultCode);
        }
    }

    [Fact]
    public async Task Controller_DefaultClientId_IsNotGuessable()
    {
        await using var a = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var b = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        var ids = new List<string>();
        foreach (var host in new[] { a, b })
        {
            var clients = await host.Host.Services.GetRequiredService<EmbeddedBroker>().Server!.GetClientsAsync();
            var id = Assert.Single(clients, c => c.Id.StartsWith(ControllerId, StringComparison.Ordinal)).Id;
            Assert.Matches(new Regex("^mpp-controller-probolinggo-[0-9a-f]{16}$"), id);
            ids.Add(id);
        }

        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task ConnectionsPerUser_AreCapped_WithQuotaExceeded()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs: ["--Mqtt:MaxConnectionsPerUser=2"]);
        await using var one = await MqttTestClient.ConnectAsync(host.Port, "staff");
        await using var two = await MqttTestClient.ConnectAsync(host.Port, "staff");
        var (three, code) = await MqttTestClient.TryConnectAsync(host.Port, "staff", TestUsers.Password("staff"));
        Assert.Null(three);
        Assert.Equal(MqttClientConnectResultCode.QuotaExceeded, code);
        // Other users are not affected, and the controller itself is never capped.
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        Assert.True(host.Host.Services.GetRequiredService<ControllerMqttClient>().IsConnected);
    }

    [Theory]
    [InlineData("mpp/probolinggo/+/set")]       // single-level wildcard
    [InlineData("mpp/probolinggo/override/#")]  // multi-level wildcard
    public async Task Publish_TopicNameWithWildcard_IsRefused(string topic)
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        await admin.SubscribeAsync("mpp/#");
        await using var raw = await RawMqtt.OpenAsync(host.Port);
        await raw.SendAsync(RawMqtt.Connect("raw-admin", "admin", TestUsers.Password("admin")));
        var connack = await raw.ReadPacketAsync(MqttTestClient.DefaultTimeout);
        Assert.Equal(0x20, connack!.Value.Type);
        Assert.Equal(0, connack.Value.Body[1]);
        await raw.SendAsync(RawMqtt.Publish(topic, """{"state":"closed"}"""));
        var puback = await raw.ReadPacketAsync(MqttTestClient.DefaultTimeout);
        if (puback is { } ack)
        {
            Assert.Equal(0x40, ack.Type);
            Assert.True(ack.Body.Length >= 3 && ack.Body[2] >= 0x80, $"PUBACK reason {(ack.Body.Length >= 3 ? ack.Body[2] : 0)}");
        }

        await host.Loop.DrainAsync();
        Assert.True(host.RelayOn);   // 10:00 on a Monday: open by schedule, nothing changed it
        Assert.DoesNotContain(admin.Received, m => m.Topic.Contains('+') || m.Topic.Contains('#'));
    }

    [Fact]
    public async Task UnknownUser_CostsTheSamePbkdf2WorkAsAWrongPassword()
    {
        // A user whose hash takes noticeable time, so a missing check would show as a near-zero refusal.
        var slow = MppSignage.Shared.Mqtt.PasswordHash.Create("slow-pw", 200_000);
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0), extraArgs:
            ["--Mqtt:Users:9:Name=slow", "--Mqtt:Users:9:Role=staff", $"--Mqtt:Users:9:PasswordHash={slow}"]);
        async Task<double> RefusalMs(string user)
        {
            var times = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                var (client, code) = await MqttTestClient.TryConnectAsync(host.Port, user, "wrong");
                Assert.Null(client);
                Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            return times.Order().ElementAt(1);
        }

        var known = await RefusalMs("slow");
        var unknown = await RefusalMs("nobody-by-this-name");
        Assert.True(unknown >= known * 0.5, $"unknown user refused in {unknown:F1} ms, wrong password in {known:F1} ms");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + MqttTestClient.DefaultTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(20);
        }
    }
}
