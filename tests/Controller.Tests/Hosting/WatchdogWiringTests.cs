using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MppSignage.MqttHost;
using MppSignage.TestSupport;
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
        await Eventually.TrueAsync(() => host.Loop.Turns != before, "the door loop to turn after a nudge", TimeSpan.FromSeconds(10));
    }
}
