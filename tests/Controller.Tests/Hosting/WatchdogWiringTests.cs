using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MppSignage.Controller.Tests.Support;
using MppSignage.MqttHost;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Hosting;

/// <summary>The controller runs the MqttHost systemd watchdog over the door loop's turn counter.</summary>
public sealed class WatchdogWiringTests
{
    [Fact]
    public async Task Host_RegistersTheWatchdog_AndTheLoopCountsItsTurns()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 9, 0));
        Assert.Single(host.Host.Services.GetServices<IHostedService>().OfType<SystemdWatchdog>());

        // The watchdog's liveness signal: a nudge (RequestRecompute) must make the loop turn and the counter move.
        var before = host.Loop.Turns;
        host.Loop.RequestRecompute();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (host.Loop.Turns == before)
        {
            Assert.True(DateTime.UtcNow < deadline, "the door loop did not turn after a nudge");
            await Task.Delay(20);
        }
    }
}
