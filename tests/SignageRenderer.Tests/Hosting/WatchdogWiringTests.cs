using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MppSignage.MqttHost;
using MppSignage.SignageRenderer.Hosting;

namespace MppSignage.SignageRenderer.Tests.Hosting;

/// <summary>The renderer runs the MqttHost systemd watchdog (over the frames its render loop writes).</summary>
public sealed class WatchdogWiringTests
{
    [Fact]
    public void Host_RegistersOneSystemdWatchdog()
    {
        var dir = Directory.CreateTempSubdirectory("mpp-watchdog-wiring-");
        try
        {
            var ok = SignageHost.TryCreate([], TimeProvider.System, out var host, out var errors, c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Mqtt:Password"] = "screen-dev",
                ["Display:Output"] = "png",
                ["Display:PngPath"] = Path.Combine(dir.FullName, "frame.png"),
                ["Posters:CacheDirectory"] = Path.Combine(dir.FullName, "posters"),
            }));
            Assert.True(ok, string.Join("\n", errors));
            using (host)
            {
                Assert.Single(host!.Services.GetServices<IHostedService>().OfType<SystemdWatchdog>());
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
