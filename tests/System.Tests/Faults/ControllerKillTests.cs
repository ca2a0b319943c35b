using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using NodaTime;

namespace MppSignage.SystemTests.Faults;

/// <summary>
/// The controller process (mpp-controller from its bin folder, state on the real disk, Mosquitto as broker)
/// killed with SIGKILL 100 times at random moments while a staff client keeps sending overrides. After every
/// restart the override in force is the last one acknowledged (or one sent after it, if it was applied but its
/// answer was lost with the process), and after every kill each state file is readable.
/// </summary>
public sealed class ControllerKillTests
{
    private const int Kills = 100;
    private const string Site = "probolinggo";
    private static readonly DateTimeZone Jakarta = Time.Jakarta;

    [Fact]
    public async Task ControllerSigkilled100Times_AcknowledgedCommandsStayInForce_StateFilesAlwaysReadable()
    {
        var random = new Random(100);
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "kills");
        var state = TempDir.Create("kill-state");
        await using var watcher = await MqttTestClient.ConnectAsync(broker.Port, "admin", TestUsers.Password("admin"));
        await watcher.SubscribeAllAsync($"mpp/{Site}/availability", $"mpp/{Site}/status");
        var sender = new CommandSender(broker.Port);
        await sender.StartAsync();

        var verified = 0;
        var startupKills = 0;
        var leftovers = 0;
        var startTimes = new List<double>();
        ChildProcess? process = null;
        try
        {
            for (var i = 0; i <= Kills; i++)
            {
                var spawned = Stopwatch.GetTimestamp();
                process = ChildProcess.Start(RepoPaths.ControllerExe, Args(broker.Port, state));
                var early = i % 4 == 3 && i < Kills;
                if (early)
                {
                    // A kill at any moment of a life, start-up (state load, first decision, connect) included.
                    await Task.Delay(random.Next(0, 1500));
                    startupKills++;
                }
                else
                {
                    var online = await watcher.WaitForAsync($"mpp/{Site}/availability", t => t == "online", TimeSpan.FromSeconds(60), sinceTimestamp: spawned);
                    var status = await watcher.WaitForAsync($"mpp/{Site}/status", null, TimeSpan.FromSeconds(30), sinceTimestamp: online.At);
                    startTimes.Add(Stopwatch.GetElapsedTime(spawned, online.At).TotalSeconds);
                    var problem = sender.Check(status.Text, state);
                    Assert.True(problem is null, $"after restart {i}: {problem}\n--- controller:\n{process.Tail()}");
                    Assert.DoesNotContain(process.Lines, l => l.Contains("unreadable", StringComparison.OrdinalIgnoreCase));
                    verified++;
                    if (i == Kills)
                    {
                        break;
                    }

                    // Commands flow; the kill lands at a random moment among them.
                    sender.Resume();
                    await Task.Delay(random.Next(30, 400));
                }

                await process.KillAsync();
                await sender.PauseAsync();
                leftovers += Directory.EnumerateFiles(state, ".*.tmp").Count();
                var unreadable = UnreadableStateFiles(state);
                Assert.True(unreadable is null, $"after kill {i + 1}: {unreadable}");
                await process.DisposeAsync();
                process = null;
            }

            Assert.Equal(0, await process!.StopAsync());
            process = null;

            // The audit survived too: every acknowledged override is in the journal — its current file and the files
            // it rotated into (journal.N.jsonl, oldest first; 4 MiB each by default, so a long run spans several).
            var journalFiles = Directory.EnumerateFiles(state, "journal.*.jsonl")
                .OrderByDescending(f => int.Parse(Path.GetFileName(f).Split('.')[1], System.Globalization.CultureInfo.InvariantCulture))
                .Append(Path.Combine(state, "journal.jsonl"));
            Assert.True(Directory.EnumerateFiles(state, "journal.*.jsonl").Any(), "the journal never rotated, so this run did not test the audit across rotations");
            var journal = journalFiles.SelectMany(File.ReadLines).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var auditedReasons = journal.Where(e => e.GetProperty("type").GetString() == "override" && e.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String)
                .Select(e => e.GetProperty("reason").GetString()).ToHashSet();
            var missing = sender.AcknowledgedOverrides().Where(r => !auditedReasons.Contains(r)).ToList();
            Assert.True(missing.Count == 0, $"acknowledged but not in the journal: {string.Join(", ", missing.Take(10))}");
            Assert.True(sender.Acknowledged >= Kills, $"only {sender.Acknowledged} commands were acknowledged over {Kills} lives");

            startTimes.Sort();
            Figures.Record($"controller kills: mpp-controller SIGKILLed {Kills}x ({startupKills} during start-up, the rest among commands); " +
                $"{sender.Sent} overrides sent, {sender.Acknowledged} acknowledged; after each of {verified} restarts the last acknowledged one was in force; " +
                $"state files readable after every kill ({leftovers} temp files of interrupted writes seen, removed at start); " +
                $"process start to 'online' median {startTimes[startTimes.Count / 2]:0.00} s, max {startTimes[^1]:0.00} s");
        }
        finally
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }

            await sender.DisposeAsync();
            TempDir.TryDelete(state);
        }
    }

    private static IEnumerable<string> Args(int port, string state) =>
    [
        "run", $"--Site:Id={Site}", "--Mqtt:Broker=external", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={port}",
        "--Mqtt:Username=controller", $"--Mqtt:Password={TestUsers.Password("controller")}", "--Mqtt:ReconnectMinSeconds=0.2",
        $"--State:Directory={state}", $"--Schedule:File={RepoPaths.DefaultSchedule}", "--Gpio:Driver=simulated", "--Gpio:Lcd:Enabled=false",
        "--Clock:AssumeSynchronized=true",
        // Small journal files, enough of them to keep everything: the kills also land on rotations, and the audit check
        // below must find acknowledged commands in the rotated files.
        "--State:JournalMaxBytes=262144", "--State:JournalFiles=100",
    ];

    /// <summary>Null when every state file parses; a torn, unterminated last journal line is allowed (the journal reader skips it by design).</summary>
    private static string? UnreadableStateFiles(string state)
    {
        var overridePath = Path.Combine(state, "override.json");
        if (File.Exists(overridePath))
        {
            try
            {
                var o = JsonDocument.Parse(File.ReadAllBytes(overridePath)).RootElement;
                if (o.GetProperty("state").GetString() is not ("open" or "closed") || IsoTime.Parse(o.GetProperty("until").GetString()) is null
                    || IsoTime.Parse(o.GetProperty("setAt").GetString()) is null || string.IsNullOrEmpty(o.GetProperty("by").GetString()))
                {
                    return $"override.json has wrong content: {File.ReadAllText(overridePath)}";
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return $"override.json is unreadable ({ex.Message}): {File.ReadAllText(overridePath)}";
            }
        }

        var journalPath = Path.Combine(state, "journal.jsonl");
        if (File.Exists(journalPath))
        {
            var text = File.ReadAllText(journalPath);
            var lines = text.Split('\n');
            // The element after the last '\n' is the unterminated tail (empty when the file ends with a newline).
            for (var i = 0; i < lines.Length - 1; i++)
            {
                try
                {
                    if (lines[i].Length > 0)
                    {
                        JsonDocument.Parse(lines[i]).Dispose();
                    }
                }
                catch (JsonException ex)
                {
                    return $"journal line {i + 1} is unreadable ({ex.Message}): {lines[i]}";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A staff client that sends override commands one after another (each with a Response Topic and its number
    /// as Correlation Data) while resumed, and records every answer whenever it arrives.
    /// </summary>
    private sealed class CommandSender(int port) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<int, Command> _sent = new();
        private readonly ConcurrentDictionary<int, bool> _answers = new();
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiting = new();
        private readonly Random _random = new(42);
        private MqttTestClient? _probe;
        private CancellationTokenSource? _active;
        private Task? _loop;
        private int _next;
        private readonly string _responseTopic = $"mpp/{Site}/responses/staff/kill";

        public int Sent => _sent.Count;

        public int Acknowledged => _answers.Count(a => a.Value);

        public async Task StartAsync()
        {
            _probe = await MqttTestClient.ConnectAsync(port, "staff", TestUsers.Password("staff"));
            _probe.Client.ApplicationMessageReceivedAsync += e =>
            {
                if (e.ApplicationMessage.Topic == _responseTopic && e.ApplicationMessage.CorrelationData is { Length: 4 } c)
                {
                    var ok = JsonDocument.Parse(e.ApplicationMessage.Payload).RootElement.GetProperty("ok").GetBoolean();
                    var n = BinaryPrimitives.ReadInt32BigEndian(c);
                    _answers[n] = ok;
                    if (_waiting.TryRemove(n, out var waiter))
                    {
                        waiter.TrySetResult();
                    }
                }

                return Task.CompletedTask;
            };
            await _probe.SubscribeAllAsync(_responseTopic);
        }

        public void Resume()
        {
            _active = new CancellationTokenSource();
            var token = _active.Token;
            _loop = Task.Run(() => RunAsync(token));
        }

        public async Task PauseAsync()
        {
            if (_active is null)
            {
                return;
            }

            await _active.CancelAsync();
            try
            {
                await _loop!;
            }
            catch (OperationCanceledException)
            {
                // Paused mid-wait: that command stays unanswered (its process is gone).
            }

            _active.Dispose();
            _active = null;
        }

        /// <summary>Reasons of the overrides (open/closed) that were acknowledged.</summary>
        public IEnumerable<string> AcknowledgedOverrides() =>
            _answers.Where(a => a.Value && _sent[a.Key].State != "auto").Select(a => _sent[a.Key].Reason);

        /// <summary>
        /// Null when the status's override is the effect of the last acknowledged command or of one sent after it
        /// (applied, answer lost with the process); also checks override.json says the same.
        /// </summary>
        public string? Check(string statusJson, string state)
        {
            var lastAck = _answers.Where(a => a.Value).Select(a => a.Key).DefaultIfEmpty(-1).Max();
            var candidates = _sent.Where(s => s.Key >= lastAck && !(_answers.TryGetValue(s.Key, out var ok) && !ok)).Select(s => s.Value).ToList();
            var status = JsonDocument.Parse(statusJson).RootElement;
            var o = status.GetProperty("override");
            var file = Path.Combine(state, "override.json");
            if (o.ValueKind == JsonValueKind.Null)
            {
                if (File.Exists(file))
                {
                    return $"status says automatic but override.json exists: {File.ReadAllText(file)}";
                }

                return lastAck == -1 || candidates.Any(c => c.State == "auto")
                    ? null
                    : $"no override in force, but #{lastAck} ({_sent[lastAck]}) was acknowledged";
            }

            var reason = o.GetProperty("reason").GetString();
            var match = candidates.FirstOrDefault(c => c.Reason == reason && c.State == o.GetProperty("state").GetString()
                && IsoTime.Parse(o.GetProperty("until").GetString()) == c.Until);
            if (match is null)
            {
                return $"override in force is {o} but the last acknowledged was #{lastAck} ({(lastAck >= 0 ? _sent[lastAck] : "none")})";
            }

            var stored = File.Exists(file) ? JsonDocument.Parse(File.ReadAllBytes(file)).RootElement : default;
            return stored.ValueKind == JsonValueKind.Object && stored.GetProperty("reason").GetString() == reason
                ? null
                : $"override.json does not hold the override in force ({(File.Exists(file) ? File.ReadAllText(file) : "absent")})";
        }

        private async Task RunAsync(CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref _next);
                var command = NewCommand(n);
                _sent[n] = command;
                var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[n] = answered;
                var correlation = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(correlation, n);
                await _probe!.PublishAsync($"mpp/{Site}/override/set", command.Json, responseTopic: _responseTopic, correlation: correlation);
                try
                {
                    // The answer, or give up on it after 3 s (its process may be gone) and send the next.
                    await answered.Task.WaitAsync(TimeSpan.FromSeconds(3), ct);
                }
                catch (TimeoutException)
                {
                    _waiting.TryRemove(n, out _);
                }
            }
        }

        private Command NewCommand(int n)
        {
            var reason = $"k{n}";
            if (_random.Next(8) == 0)
            {
                return new Command("auto", null, reason, $"{{\"state\":\"auto\",\"reason\":\"{reason}\"}}");
            }

            var st = _random.Next(2) == 0 ? "open" : "closed";
            // The controller process runs on the real clock, so the command's end is set from it too.
            var until = Instant.FromDateTimeOffset(TimeProvider.System.GetUtcNow()) + Duration.FromMinutes(_random.Next(60, 600));
            until = Instant.FromUnixTimeSeconds(until.ToUnixTimeSeconds());
            return new Command(st, until, reason, $"{{\"state\":\"{st}\",\"until\":\"{IsoTime.Format(until, Jakarta)}\",\"reason\":\"{reason}\"}}");
        }

        public async ValueTask DisposeAsync()
        {
            await PauseAsync();
            if (_probe is not null)
            {
                await _probe.DisposeAsync();
            }
        }

        private sealed record Command(string State, Instant? Until, string Reason, string Json);
    }
}
