using System.Buffers;
using System.Diagnostics;
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
/// Usage: ControllerBench [iterations=1000]
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

            // 1) Bare round trip: publish → receive on the same broker, QoS 1.
            var bareTopic = topics.ScreenshotGet("bench");
            var bare = await MeasureAsync(n, receiver, bareTopic, async i =>
            {
                await sender.PublishAsync(Message(bareTopic, Encoding.UTF8.GetBytes(i.ToString())));
                return i.ToString();
            }, null);

            // 2) Override command → relay write → status received.
            var relayWrites = new System.Collections.Concurrent.ConcurrentQueue<long>();
            driver.Written += w =>
            {
                if (w.Pin == RelayPin)
                {
                    relayWrites.Enqueue(Stopwatch.GetTimestamp());
                }
            };
            var open = driver.Level(RelayPin) == PinValue.High; // active-low: High = off, so the first command opens
            var relayLatencies = new List<double>(n);
            // Like the CLI, wait for each command's result before the next (the result follows the fsync of the state).
            var results = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource>();
            var responses = topics.Responses("admin") + "/bench";
            sender.ApplicationMessageReceivedAsync += e =>
            {
                if (e.ApplicationMessage.Topic == responses && results.TryRemove(Encoding.UTF8.GetString(e.ApplicationMessage.CorrelationData), out var done))
                {
                    done.TrySetResult();
                }

                return Task.CompletedTask;
            };
            await sender.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(responses, MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Task previous = Task.CompletedTask;
            var full = await MeasureAsync(n, receiver, topics.Status, async i =>
            {
                var state = (i % 2 == 0) == open ? "open" : "closed";
                relayWrites.Clear();
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                results[i.ToString()] = done;
                previous = done.Task;
                var message = new MqttApplicationMessageBuilder().WithTopic(topics.OverrideSet)
                    .WithPayload(Encoding.UTF8.GetBytes($"{{\"state\":\"{state}\",\"reason\":\"bench {i}\"}}"))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithResponseTopic(responses).WithCorrelationData(Encoding.UTF8.GetBytes(i.ToString())).Build();
                await sender.PublishAsync(message);
                return $"\"reason\":\"bench {i}\"";
            }, (start, _) =>
            {
                if (relayWrites.TryPeek(out var t))
                {
                    relayLatencies.Add(Stopwatch.GetElapsedTime(start, t).TotalMilliseconds);
                }
            }, () => previous.WaitAsync(TimeSpan.FromSeconds(10)));

            Console.WriteLine($"{label}:");
            Console.WriteLine($"  bare publish→receive           p50 {P(bare, 50):0.000} ms  p99 {P(bare, 99):0.000} ms");
            Console.WriteLine($"  override→relay write           p50 {P(relayLatencies, 50):0.000} ms  p99 {P(relayLatencies, 99):0.000} ms  ({relayLatencies.Count} writes)");
            Console.WriteLine($"  override→relay→status received p50 {P(full, 50):0.000} ms  p99 {P(full, 99):0.000} ms  (p99 = {P(full, 99) / P(bare, 99):0.0}× bare p99)");
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

    private static async Task<List<double>> MeasureAsync(int n, IMqttClient receiver, string topic, Func<int, Task<string>> send, Action<long, double>? after, Func<Task>? prepare = null)
    {
        TaskCompletionSource<bool>? pending = null;
        string? expect = null;
        receiver.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == topic && expect is not null && Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()).Contains(expect, StringComparison.Ordinal))
            {
                pending?.TrySetResult(true);
            }

            return Task.CompletedTask;
        };
        await receiver.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var results = new List<double>(n);
        const int warmup = 50;
        for (var i = 0; i < n + warmup; i++)
        {
            if (prepare is not null)
            {
                await prepare();
            }

            pending = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var start = Stopwatch.GetTimestamp();
            expect = i.ToString();
            expect = await send(i);
            await pending.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i >= warmup)
            {
                results.Add(ms);
                after?.Invoke(start, ms);
            }
        }

        return results;
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
