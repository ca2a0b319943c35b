using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Faults;

/// <summary>
/// SIGTERM against a hung broker (Mosquitto stopped with SIGSTOP: the socket stays open, nothing answers): the
/// relay reaches its shutdown state at once, while the MQTT goodbye is still waiting for the broker.
/// </summary>
public sealed class ShutdownTests
{
    private const int SigStop = 19;
    private const int SigCont = 18;

    // Monday 7 July 2025 10:00 WIB: open by the schedule, so the relay is on when the stop begins.
    private static readonly DateTimeOffset Open = new(2025, 7, 7, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task StopWithHungBroker_RelayOffBeforeTheGoodbyeEnds()
    {
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "hung");
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(Open), ControllerTestHost.ExternalArgs(broker.Port));
        Assert.True(controller.RelayOn, "10:00 on a Monday is open");

        Posix.Signal(broker.Pid, SigStop);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var stop = controller.Host.StopAsync(TimeSpan.FromSeconds(5));
            await Eventually.TrueAsync(() => !controller.RelayOn, "the relay to reach its shutdown state", TimeSpan.FromSeconds(10), () => controller.Logs.Tail());

            var relayOff = Stopwatch.GetElapsedTime(started);
            var goodbyeStillWaiting = !stop.IsCompleted;
            Assert.False(controller.RelayOn, $"the relay was still on {relayOff.TotalSeconds:0.0} s after the stop began\n{controller.Logs.Tail()}");
            Assert.True(relayOff < TimeSpan.FromSeconds(1), $"the relay went off {relayOff.TotalMilliseconds:0} ms after the stop began");
            Assert.True(goodbyeStillWaiting, "the stop had already finished: the broker did not hang the goodbye, so this test shows nothing");

            Posix.Signal(broker.Pid, SigCont);
            try
            {
                await stop;
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout ended the goodbye; the relay was safe long before.
            }

            Figures.Record($"shutdown: relay in its shutdown state {relayOff.TotalMilliseconds:0} ms after SIGTERM with the broker hung (SIGSTOP); the MQTT goodbye was still waiting");
        }
        finally
        {
            Posix.Signal(broker.Pid, SigCont);
        }
    }
}
