using System.Diagnostics;
using System.Net.Sockets;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Hardening;

/// <summary>
/// Issue 10 items 3 and 8: the controller process (Release build, embedded broker) under the pre-auth attacks
/// of the issue, from outside: sockets declaring ~200 MB CONNECT packets and sending their bodies, and an
/// attacker trying to hold hundreds of silent connections. Its RSS and the connections it keeps are reported.
/// </summary>
public sealed class PreAuthFloodTests
{
    private const string Site = "probolinggo";
    private const int MaxUnauthenticated = 16;     // the MqttOptions default
    private const double ConnectTimeout = 2;

    [Fact]
    public async Task PreAuthFlood_CutsOffEveryAttacker_RssStaysFlat_AndStaffStillConnect()
    {
        var port = FreePort.Next();
        var state = TempDir.Create("flood-state");
        await using var controller = ChildProcess.Start(RepoPaths.ControllerExe,
        [
            "run", $"--Site:Id={Site}", .. ControllerTestHost.EmbeddedArgs(port), $"--State:Directory={state}",
            $"--Schedule:File={RepoPaths.DefaultSchedule}", "--Gpio:Driver=simulated", "--Gpio:Lcd:Enabled=false",
            "--Clock:AssumeSynchronized=true", $"--Mqtt:ConnectTimeoutSeconds={ConnectTimeout}",
        ]);
        try
        {
            await StaffConnectsAsync(port, TimeSpan.FromSeconds(60));
            var rssBefore = Rss(controller.Pid);

            // 1. The attack, kept up for 4 s by 5 attackers: declare ~200 MB, send body bytes until cut off.
            var rssPeak = rssBefore;
            var attempts = 0;
            var cutOff = 0;
            var bodySent = 0L;
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(4)))
            {
                var sampler = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        rssPeak = Math.Max(rssPeak, Rss(controller.Pid));
                        await Task.Delay(50);
                    }
                });
                var attackers = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
                {
                    var chunk = new byte[64 * 1024];
                    while (!stop.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref attempts);
                        using var tcp = new TcpClient { NoDelay = true };
                        try
                        {
                            await tcp.ConnectAsync("127.0.0.1", port);
                            var stream = tcp.GetStream();
                            await stream.WriteAsync(new byte[] { 0x10, 0xFF, 0xFF, 0xFF, 0x5F });  // remaining length ~200 MB
                            for (var sent = 0; sent < 200_000_000 && !stop.IsCancellationRequested; sent += chunk.Length)
                            {
                                await stream.WriteAsync(chunk);
                                Interlocked.Add(ref bodySent, chunk.Length);
                            }
                        }
                        catch (Exception ex) when (ex is IOException or SocketException)
                        {
                            Interlocked.Increment(ref cutOff);
                        }
                    }
                })).ToList();
                await Task.WhenAll(attackers);
                await sampler;
            }

            await StaffConnectsAsync(port, TimeSpan.FromSeconds(10));
            var rssAfterFlood = Rss(controller.Pid);

            // 2. Hold 200 silent connections: the broker keeps at most MaxUnauthenticated of them, and none past the timeout.
            var held = new List<TcpClient>();
            for (var i = 0; i < 200; i++)
            {
                var tcp = new TcpClient();
                try
                {
                    await tcp.ConnectAsync("127.0.0.1", port);
                }
                catch (SocketException)
                {
                    // Reset in the handshake: refused at accept.
                }

                held.Add(tcp);
            }

            await Task.Delay(1000);
            var openAfter1s = held.Count(IsOpen);
            await Task.Delay(TimeSpan.FromSeconds(ConnectTimeout + 1.5));
            var openAfterTimeout = held.Count(IsOpen);
            held.ForEach(t => t.Dispose());
            var rssAfterHold = Rss(controller.Pid);
            await StaffConnectsAsync(port, TimeSpan.FromSeconds(10));

            Figures.Record($"pre-auth flood (mpp-controller Release, embedded broker): 5 attackers declaring 200 MB CONNECTs for 4 s: {attempts} connections, " +
                $"{cutOff} cut off, {bodySent / 1_000_000.0:0.0} MB of body sent in all; controller RSS {rssBefore / 1024} MB before, peak {rssPeak / 1024} MB, {rssAfterFlood / 1024} MB after " +
                $"(~480 MB before the bound)");
            Figures.Record($"held connections: 200 silent sockets opened at once: {openAfter1s} kept after 1 s (cap {MaxUnauthenticated}), {openAfterTimeout} after the {ConnectTimeout:0} s CONNECT timeout; " +
                $"RSS {rssAfterHold / 1024} MB; staff connected before, during and after");

            Assert.True(rssPeak - rssBefore < 60 * 1024, $"RSS grew from {rssBefore} kB to {rssPeak} kB under the flood");
            Assert.True(openAfter1s <= MaxUnauthenticated, $"{openAfter1s} silent connections kept");
            Assert.Equal(0, openAfterTimeout);
            Assert.False(controller.HasExited, controller.Tail());
        }
        finally
        {
            await controller.StopAsync();
            TempDir.TryDelete(state);
        }
    }

    // Open from our side: no EOF or reset seen yet (a closed socket polls readable with nothing to read).
    private static bool IsOpen(TcpClient tcp)
    {
        try
        {
            return tcp.Connected && !(tcp.Client.Poll(0, SelectMode.SelectRead) && tcp.Client.Available == 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task StaffConnectsAsync(int port, TimeSpan within)
    {
        var sw = Stopwatch.StartNew();
        while (true)
        {
            string why;
            try
            {
                var (probe, code) = await MqttTestClient.TryConnectAsync(port, "staff", TestUsers.Password("staff"));
                if (probe is not null)
                {
                    await probe.DisposeAsync();
                    return;
                }

                why = code.ToString();
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or SocketException or OperationCanceledException)
            {
                // Not listening yet, or refused at accept while the cap was full: try again.
                why = ex.Message;
            }

            Assert.True(sw.Elapsed < within, $"staff could not connect within {within}: {why}");
            await Task.Delay(200);
        }
    }
}
