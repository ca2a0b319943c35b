using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Mqtt;
using MppSignage.TestSupport;
using MQTTnet;

namespace MppSignage.Controller.Tests.Mqtt;

/// <summary>Issue 10 item 3: the embedded broker's limits hold before a body is read (raw sockets, real broker).</summary>
public sealed class BrokerBoundsTests
{
    [Fact]
    public async Task HugeConnectPackets_AreCutOffOnTheirHeader_BeforeAnyBodyIsBuffered()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sockets = new List<RawMqtt>();
        for (var i = 0; i < 5; i++)
        {
            var raw = await RawMqtt.OpenAsync(host.Port);
            sockets.Add(raw);
            // ~200 MB declared, as in the attack; MQTTnet alone allocates the whole body here and waits for it.
            await raw.SendAsync(RawMqtt.Header(0x10, 200_000_000));
        }

        foreach (var raw in sockets)
        {
            // Closed without a byte of body sent: the limit acted on the fixed header.
            Assert.True(await raw.ClosedWithinAsync(TimeSpan.FromSeconds(5)), "a socket declaring a 200 MB CONNECT stayed open");
            await raw.DisposeAsync();
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.True(allocated < 50_000_000, $"{allocated:N0} bytes allocated while refusing 5 x 200 MB CONNECT packets");
        Assert.True(host.Host.Services.GetRequiredService<EmbeddedBroker>().Listener!.Refused >= 5);
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");   // service goes on
    }

    [Fact]
    public async Task OversizedPublish_AfterConnect_ClosesTheConnection_AndNothingIsApplied()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var raw = await RawMqtt.OpenAsync(host.Port);
        await raw.SendAsync(RawMqtt.Connect("raw-staff", "staff", TestUsers.Password("staff")));
        var connack = await raw.ReadPacketAsync(MqttTestClient.DefaultTimeout);
        Assert.Equal(0, connack!.Value.Body[1]);
        await raw.SendAsync(RawMqtt.Header(0x32, 10_000_000));
        Assert.True(await raw.ClosedWithinAsync(TimeSpan.FromSeconds(5)));
        await host.Loop.DrainAsync();
        Assert.True(host.RelayOn);
    }

    [Fact]
    public async Task SilentSockets_BeyondTheUnauthenticatedCap_AreClosedAtAccept_TheRestAtTheConnectTimeout()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0),
            extraArgs: ["--Mqtt:MaxUnauthenticatedConnections=4", "--Mqtt:ConnectTimeoutSeconds=2"]);
        var listener = host.Host.Services.GetRequiredService<EmbeddedBroker>().Listener!;
        var held = new List<RawMqtt>();
        for (var i = 0; i < 4; i++)
        {
            held.Add(await RawMqtt.OpenAsync(host.Port));
        }

        await WaitUntilAsync(() => listener.Unauthenticated == 4);
        Assert.True(await RefusedAsync(host.Port), "a 5th silent socket was kept");

        Assert.False(await held[0].ClosedWithinAsync(TimeSpan.FromMilliseconds(200)));
        host.Time.Advance(TimeSpan.FromSeconds(3));
        foreach (var raw in held)
        {
            Assert.True(await raw.ClosedWithinAsync(TimeSpan.FromSeconds(5)), "a silent socket outlived the CONNECT timeout");
            await raw.DisposeAsync();
        }

        await WaitUntilAsync(() => listener.Unauthenticated == 0);
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        Assert.True(host.Host.Services.GetRequiredService<ControllerMqttClient>().IsConnected);
    }

    [Fact]
    public async Task TwoHundredCommandsWithHugeCorrelationData_AreRefused_AndTheJournalStaysSmall()
    {
        await using var host = await ControllerTestHost.StartAsync(Time.J(2024, 7, 1, 10, 0));
        await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
        await staff.SubscribeAsync("mpp/probolinggo/events");
        var before = JournalBytes(host);
        var correlation = new byte[60 * 1024];
        Random.Shared.NextBytes(correlation);
        for (var i = 0; i < 200; i++)
        {
            Assert.True((await staff.PublishAsync("mpp/probolinggo/override/set", """{"state":"closed"}""", correlation: correlation)).IsSuccess);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (staff.Received.Count(m => m.Topic.EndsWith("/events", StringComparison.Ordinal) && m.Text.Contains("correlationData")) < 200)
        {
            Assert.True(DateTime.UtcNow < deadline, "not every refusal reached the events topic");
            await Task.Delay(50);
        }

        var journal = await host.JournalAsync();
        Assert.Equal(200, journal.Count(e => e.Field == "correlationData"));
        Assert.All(journal, e => Assert.True(e.Correlation is null || e.Correlation.Length <= 100));
        var grown = JournalBytes(host) - before;
        // 15 MB before the bound; now a few hundred bytes a line.
        Assert.True(grown < 200 * 1024, $"journal grew by {grown:N0} bytes");
        Assert.All(staff.Received, m => Assert.True(m.Correlation is null || m.Correlation.Length <= 64));
        await host.Loop.DrainAsync();
        Assert.True(host.RelayOn);   // refused, so not applied
    }

    private static async Task<bool> RefusedAsync(int port)
    {
        try
        {
            await using var extra = await RawMqtt.OpenAsync(port);
            return await extra.ClosedWithinAsync(TimeSpan.FromSeconds(5));
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Reset during the handshake: closed at accept, as intended.
            return true;
        }
    }

    private static long JournalBytes(ControllerTestHost host) =>
        host.Store.JournalPaths().Where(File.Exists).Sum(p => new FileInfo(p).Length);

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
