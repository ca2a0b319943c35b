using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Device.Gpio;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Gpio;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MppSignage.ControllerBench;

/// <summary>
/// Override command → relay write → status received, p50/p99 over N commands, beside the bare
/// publish → receive round trip on the same broker: the embedded broker, and Mosquitto when installed
/// (started here on a free loopback port with an ACL generated from RoleTopicRules, stopped by PID).
/// Each iteration is one bare round trip then one command (interleaved, so load hits both alike); the
/// first 100 iterations are warm-up, reported separately. Usage: ControllerBench [iterations=1000] [--Section:Key=value…]
/// </summary>
public static class Program
{
    private const string Site = "bench";
    private const int RelayPin = 17;

    /// <summary>Further configuration overrides from the command line (e.g. --Gpio:Lcd:Enabled=false).</summary>
    private static string[] Extra = [];

    public static async Task<int> Main(string[] args)
    {
        var n = args.Length > 0 && int.TryParse(args[0], out var v) ? v : 1000;
        Extra = args.Skip(1).ToArray();
        Console.WriteLine($"ControllerBench: {n} commands per run; {Environment.ProcessorCount} CPU(s), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        await RunAsync("embedded (MQTTnet.Server in-process)", n, mosquitto: false);
        var mosquitto = FindMosquitto();
        if (mosquitto is null)
        {
            Console.WriteLine("mosquitto: not installed (apt-get install mosquitto) — skipped");
        }
        else
        {
            await RunAsync("mosquitto " + mosquitto, n, mosquitto: true);
        }

        return 0;
    }

    private static async Task RunAsync(string label, int n, bool mosquitto)
    {
        var port = FreePort();
        var users = new[] { ("admin", MqttRole.Admin, "admin-bench"), ("controller", MqttRole.Controller, "controller-bench") };
        var hashes = users.Select(u => (u.Item1, u.Item2, PasswordHash.Create(u.Item3, 1000))).ToArray();
        Process? broker = null;
        string? dir = null;
        var configArgs = new List<string>
        {
            $"--Site:Id={Site}", $"--Mqtt:Port={port}", "--Gpio:Driver=simulated", "--Clock:AssumeSynchronized=true",
            $"--Schedule:File={Path.Combine(RepoRoot(), "deploy-pi", "config", "schedule.json")}",
            "--Logging:LogLevel:Default=Warning",
        };
        if (mosquitto)
        {
            dir = Directory.CreateTempSubdirectory("mpp-bench-mosq").FullName;
            File.WriteAllText(Path.Combine(dir, "passwd"), string.Concat(hashes.Select(h => $"{h.Item1}:{h.Item3}\n")));
            File.WriteAllText(Path.Combine(dir, "acl"), RoleTopicRules.ToMosquittoAcl(hashes.Select(h => (h.Item1, h.Item2)), Site));
            File.WriteAllText(Path.Combine(dir, "mosquitto.conf"),
                $"listener {port} 127.0.0.1\nallow_anonymous false\npassword_file {dir}/passwd\nacl_file {dir}/acl\npersistence false\nset_tcp_nodelay true\nuser root\nlog_dest none\n");
            broker = Process.Start(new ProcessStartInfo(FindMosquitto()!, $"-c {dir}/mosquitto.conf") { RedirectStandardError = true, RedirectStandardOutput = true })!;
            await WaitForPortAsync(port);
            configArgs.AddRange(["--Mqtt:Broker=external", "--Mqtt:Host=127.0.0.1", "--Mqtt:Username=controller", "--Mqtt:Password=controller-bench"]);
        }
        else
        {
            for (var i = 0; i < hashes.Length; i++)
            {
                configArgs.AddRange([$"--Mqtt:Users:{i}:Name={hashes[i].Item1}", $"--Mqtt:Users:{i}:Role={RoleTopicRules.Name(hashes[i].Item2)}", $"--Mqtt:Users:{i}:PasswordHash={hashes[i].Item3}"]);
            }
        }

        configArgs.AddRange(Extra);
        var stateDir = Directory.CreateTempSubdirectory("mpp-bench-state").FullName;
        configArgs.Add($"--State:Directory={stateDir}");
        var driver = new SimulatedGpioDriver(TimeProvider.System);
        using var host = ControllerHost.Build([.. configArgs], b => b.Services.AddSingleton<GpioDriver>(driver));
        try
        {
            await host.StartAsync();
            var mqttClient = host.Services.GetRequiredService<ControllerMqttClient>();
            for (var i = 0; i < 500 && !mqttClient.IsConnected; i++)
            {
                await Task.Delay(10);
            }

            var topics = new Topics(Site);
            using var sender = await ConnectAsync(port, "admin", "admin-bench");
            using var receiver = await ConnectAsync(port, "admin", "admin-bench");
            var r = await MeasureInterleavedAsync(n, driver, topics, sender, receiver);

            Console.WriteLine($"{label}: {n} iterations after {Warmup} warm-up iterations (excluded below); each iteration = one bare round trip, then one command");
            Console.WriteLine($"  bare publish→receive            {Pq(r.Bare)}");
            Console.WriteLine($"  override→relay→status received  {Pq(r.Full)}  (p99 = {P(r.Full, 99) / P(r.Bare, 99):0.0}× bare p99, p50 = {P(r.Full, 50) / P(r.Bare, 50):0.0}× bare p50)");
            Console.WriteLine("  stages of the command path:");
            Console.WriteLine($"    command published→relay write {Pq(r.ToRelay)}  ({r.ToRelay.Count} writes)");
            Console.WriteLine($"    relay write→status to MQTTnet {Pq(r.RelayToSend)}");
            Console.WriteLine($"    status to MQTTnet→received    {Pq(r.SendToReceived)}");
            Console.WriteLine($"    command→result (after fsync)  {Pq(r.Ack)}");
            Console.WriteLine($"    state save (fsync ×2)         {Pq(r.Save)}");
            Console.WriteLine($"    journal append (fsync)        {Pq(r.Journal)}  ({r.Journal.Count} batches)");
            Console.WriteLine($"  warm-up ({Warmup} iterations): bare {Pq(r.WarmBare)}; command→status {Pq(r.WarmFull)}");
            await host.StopAsync();
        }
        finally
        {
            if (broker is not null && !broker.HasExited)
            {
                broker.Kill();
                await broker.WaitForExitAsync();
            }

            if (dir is not null)
            {
                Directory.Delete(dir, true);
            }

            Directory.Delete(stateDir, true);
        }
    }

    /// <summary>Iterations at the start reported separately (JIT, tiering, connection and pool warm-up).</summary>
    private const int Warmup = 100;

    private sealed record Results(
        List<double> Bare, List<double> Full, List<double> ToRelay, List<double> RelayToSend, List<double> SendToReceived,
        List<double> Ack, List<double> Save, List<double> Journal, List<double> WarmBare, List<double> WarmFull);

    /// <summary>
    /// Alternates one bare round trip and one override command, so machine load (this VM's 2 cores are
    /// shared) hits both figures alike. Stage timestamps: the relay write (simulated driver event), the
    /// status handed to MQTTnet and the fsync durations (the controller's metrics, via a MeterListener).
    /// </summary>
    private static async Task<Results> MeasureInterleavedAsync(int n, SimulatedGpioDriver driver, Topics topics, IMqttClient sender, IMqttClient receiver)
    {
        var r = new Results([], [], [], [], [], [], [], [], [], []);
        long relayAt = 0, sendAt = 0, receivedAt = 0;
        var measuring = false;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ControllerMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (!Volatile.Read(ref measuring))
            {
                return;
            }

            switch (instrument.Name)
            {
                case "mpp.controller.retained.queued" when tags.Length > 0 && tags[0].Value as string == topics.Status:
                    Interlocked.CompareExchange(ref sendAt, Stopwatch.GetTimestamp(), 0);
                    break;
                case "mpp.controller.state.save":
                    lock (r.Save)
                    {
                        r.Save.Add(value);
                    }

                    break;
                case "mpp.controller.journal.append":
                    lock (r.Journal)
                    {
                        r.Journal.Add(value);
                    }

                    break;
            }
        });
        listener.Start();
        driver.Written += w =>
        {
            if (w.Pin == RelayPin)
            {
                Interlocked.CompareExchange(ref relayAt, Stopwatch.GetTimestamp(), 0);
            }
        };

        var bareTopic = topics.ScreenshotGet("bench");
        var responses = topics.Responses("admin") + "/bench";
        TaskCompletionSource? pending = null;
        string? expectBare = null, expectStatus = null, expectResult = null;
        TaskCompletionSource? result = null;
        receiver.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            if ((m.Topic == bareTopic && expectBare is { } b && Encoding.UTF8.GetString(m.Payload.ToArray()) == b)
                || (m.Topic == topics.Status && expectStatus is { } st && Encoding.UTF8.GetString(m.Payload.ToArray()).Contains(st, StringComparison.Ordinal)))
            {
                Interlocked.CompareExchange(ref receivedAt, Stopwatch.GetTimestamp(), 0);
                pending?.TrySetResult();
            }

            return Task.CompletedTask;
        };
        sender.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == responses && expectResult is { } c && Encoding.UTF8.GetString(e.ApplicationMessage.CorrelationData) == c)
            {
                result?.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await receiver.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(bareTopic, MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(topics.Status, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await sender.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(responses, MqttQualityOfServiceLevel.AtLeastOnce).Build());

        var open = driver.Level(RelayPin) == PinValue.High; // active-low: High = off, so the first command opens
        for (var i = 0; i < n + Warmup; i++)
        {
            var warm = i < Warmup;
            Volatile.Write(ref measuring, !warm);

            // 1) Bare round trip: publish → receive on the same broker, QoS 1, same clients.
            pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            expectBare = "b" + i;
            var start = Stopwatch.GetTimestamp();
            await sender.PublishAsync(Message(bareTopic, Encoding.UTF8.GetBytes(expectBare)));
            await pending.Task.WaitAsync(TimeSpan.FromSeconds(10));
            (warm ? r.WarmBare : r.Bare).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            expectBare = null;

            // 2) Override command → relay write → status received; then, like the CLI, wait for the result
            //    (sent only after the state is durable) before the next iteration.
            var state = (i % 2 == 0) == open ? "open" : "closed";
            Interlocked.Exchange(ref relayAt, 0);
            Interlocked.Exchange(ref sendAt, 0);
            Interlocked.Exchange(ref receivedAt, 0);
            pending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            result = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            expectStatus = $"\"reason\":\"bench {i}\"";
            expectResult = i.ToString();
            var message = new MqttApplicationMessageBuilder().WithTopic(topics.OverrideSet)
                .WithPayload(Encoding.UTF8.GetBytes($"{{\"state\":\"{state}\",\"reason\":\"bench {i}\"}}"))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithResponseTopic(responses).WithCorrelationData(Encoding.UTF8.GetBytes(expectResult)).Build();
            start = Stopwatch.GetTimestamp();
            await sender.PublishAsync(message);
            await pending.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var full = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            await result.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var ack = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (warm)
            {
                r.WarmFull.Add(full);
                continue;
            }

            r.Full.Add(full);
            r.Ack.Add(ack);
            long relay = Interlocked.Read(ref relayAt), send = Interlocked.Read(ref sendAt), received = Interlocked.Read(ref receivedAt);
            if (relay != 0)
            {
                r.ToRelay.Add(Stopwatch.GetElapsedTime(start, relay).TotalMilliseconds);
                if (send != 0)
                {
                    r.RelayToSend.Add(Stopwatch.GetElapsedTime(relay, send).TotalMilliseconds);
                }
            }

            if (send != 0 && received != 0)
            {
                r.SendToReceived.Add(Stopwatch.GetElapsedTime(send, received).TotalMilliseconds);
            }
        }

        Volatile.Write(ref measuring, false);
        return r;
    }

    private static string Pq(List<double> values)
    {
        lock (values)
        {
            return $"p50 {P(values, 50),7:0.000} ms  p99 {P(values, 99),7:0.000} ms";
        }
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static async Task<IMqttClient> ConnectAsync(int port, string user, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCredentials(user, password).WithClientId($"bench-{Guid.NewGuid():N}"[..20]).Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"connect as {user}: {result.ResultCode}");
        }

        return client;
    }

    private static double P(List<double> values, int percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string? FindMosquitto() =>
        new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var c = new System.Net.Sockets.TcpClient();
                await c.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"mosquitto did not listen on {port}");
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "MppSignage.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("MppSignage.sln not found");
    }
}
