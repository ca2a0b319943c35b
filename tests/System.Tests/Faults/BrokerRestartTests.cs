using System.Diagnostics;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Faults;

/// <summary>
/// Mosquitto killed (SIGKILL) and restarted 20 times while the schedule crosses 14:00 on a Monday. The
/// controller runs in this process with its production reconnect settings and a wall clock set just before the
/// change (timers in real time); its relay writes are recorded with their times. The broker keeps no
/// persistence here, so a status seen after a restart is one the controller republished.
/// </summary>
public sealed class BrokerRestartTests
{
    private const int Restarts = 20;
    private static readonly TimeSpan Allowed = TimeSpan.FromSeconds(5);
    // Monday 7 July 2025 13:59:30 WIB: the door closes 30 s into the test, while the broker keeps dying.
    private static readonly DateTimeOffset Change = new(2025, 7, 7, 14, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task BrokerKilledAndRestarted20Times_RelayNeverWrong_StateRepublishedWithin5s()
    {
        var random = new Random(20);
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "restarts");
        var clock = ShiftedTimeProvider.StartingAt(Change - TimeSpan.FromSeconds(30));
        await using var controller = await ControllerTestHost.StartAsync(clock, ControllerTestHost.ExternalArgs(broker.Port),
            extraArgs: ["--Mqtt:ReconnectMinSeconds=1", "--Mqtt:ReconnectMaxSeconds=30", "--HomeAssistant:Enabled=true"]);
        Assert.True(controller.RelayOn, "13:59:30 is open");

        var latencies = new List<TimeSpan>();
        for (var i = 0; i < Restarts; i++)
        {
            // Up for a random while, then killed, down for a random while, then back.
            await Task.Delay(random.Next(200, 1200));
            await broker.KillAsync();
            await Task.Delay(random.Next(100, 1500));
            await broker.RestartAsync();
            var back = Stopwatch.GetTimestamp();

            await using var watcher = await ConnectWhenReadyAsync(broker.Port, "admin");
            await watcher.SubscribeAllAsync("mpp/probolinggo/availability", "mpp/probolinggo/status");
            await using var ha = await ConnectWhenReadyAsync(broker.Port, "homeassistant");
            await ha.SubscribeAllAsync("homeassistant/#");
            var online = await watcher.WaitForAsync("mpp/probolinggo/availability", t => t == "online", Allowed + TimeSpan.FromSeconds(10));
            var status = await watcher.WaitForAsync("mpp/probolinggo/status", null, Allowed + TimeSpan.FromSeconds(10));
            var config = await ha.WaitForAsync("homeassistant/binary_sensor/probolinggo/door/config", null, Allowed + TimeSpan.FromSeconds(10));
            var latency = Stopwatch.GetElapsedTime(back, Math.Max(online.At, Math.Max(status.At, config.At)));
            latencies.Add(latency);
            Assert.True(latency <= Allowed, $"restart {i + 1}: status/availability republished {latency.TotalSeconds:0.00} s after the broker returned\n{controller.Logs.Tail()}");

            // What was republished agrees with the relay at that moment (the status carries the relay it drove).
            var relayInStatus = status.Text.Contains("\"relay\":\"on\"", StringComparison.Ordinal);
            var wall = clock.GetUtcNow();
            if (Math.Abs((wall - Change).TotalSeconds) > 2)
            {
                Assert.Equal(wall < Change, relayInStatus);
            }
        }

        var ended = clock.GetUtcNow();
        Assert.True(ended > Change + TimeSpan.FromSeconds(2), $"the test must cross the change; it ended at {ended:HH:mm:ss}");

        // The relay as recorded: on from the start until the change, off after it; the only time it may be
        // "wrong" is the moment between 14:00:00 and the write that follows the decision.
        // Before the first decision the relay sits in its start-up safe state (off); judge from the first "on".
        var all = controller.RelayWrites;
        var firstOn = all.ToList().FindIndex(w => w.On);
        Assert.True(firstOn >= 0, "the relay was never switched on at 13:59:30");
        var writes = all.Skip(firstOn).ToList();
        var onWritesAfter = writes.Where(w => w.On && w.At >= Change).ToList();
        var offWritesBefore = writes.Where(w => !w.On && w.At < Change).ToList();
        Assert.True(onWritesAfter.Count == 0, $"relay switched on after the change: {string.Join(", ", onWritesAfter.Select(w => w.At.ToString("HH:mm:ss.fff")))}");
        Assert.True(offWritesBefore.Count == 0, $"relay switched off before the change: {string.Join(", ", offWritesBefore.Select(w => w.At.ToString("HH:mm:ss.fff")))}");
        var offAt = writes.Last(w => !w.On).At;
        Assert.True(offAt >= Change && offAt - Change < TimeSpan.FromSeconds(2), $"relay went off at {offAt:HH:mm:ss.fff}, the change is at 14:00:00");
        Assert.False(controller.RelayOn);
        Assert.Equal(0, controller.Logs.ErrorCount);

        latencies.Sort();
        Figures.Record($"broker restarts: Mosquitto SIGKILLed and restarted {Restarts}x across 14:00 (production backoff 1-30 s): status, availability and HA configs republished " +
            $"median {latencies[latencies.Count / 2].TotalSeconds:0.00} s, max {latencies[^1].TotalSeconds:0.00} s after the broker returned (limit 5 s); " +
            $"relay off {(offAt - Change).TotalMilliseconds:0} ms after 14:00:00, never wrong otherwise");
    }

    private static async Task<MqttTestClient> ConnectWhenReadyAsync(int port, string user)
    {
        MqttTestClient? client = null;
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    var (probe, code) = await MqttTestClient.TryConnectAsync(port, user, TestUsers.Password(user));
                    Assert.True(probe is not null, $"the restarted broker refused {user}: {code}");
                    client = probe;
                    return true;
                }
                catch (MQTTnet.Exceptions.MqttCommunicationException)
                {
                    // Not accepting connections yet: try again until the deadline.
                    return false;
                }
            },
            $"the restarted broker to accept {user}",
            TimeSpan.FromSeconds(10));
        return client!;
    }
}
