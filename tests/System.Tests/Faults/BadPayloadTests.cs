using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using MQTTnet;
using MQTTnet.Protocol;

namespace MppSignage.SystemTests.Faults;

/// <summary>
/// 10,000 generated bad payloads across every command topic the controller answers: no crash, no state change,
/// each answered with a reason on its Response Topic, and the controller's managed memory flat.
/// </summary>
[Collection(HeapMeasurements.Name)]
public sealed class BadPayloadTests
{
    /// <summary>10,000; a longer soak: MPP_SOAK_BAD_PAYLOADS=40000 dotnet test tests/System.Tests --filter BadPayload.</summary>
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("MPP_SOAK_BAD_PAYLOADS"), out var c) && c >= 10_000 ? c : 10_000;
    private const int Window = 32;
    private const string Site = "probolinggo";

    [Fact]
    public async Task TenThousandBadPayloads_AllRefusedWithAReason_NothingChanges_MemoryFlat()
    {
        var port = FreePort.Next();
        // Each refusal is journalled with an fsync; on this VM's disk that is ~4 ms each, so the state lives
        // on tmpfs here: the refusals, not the disk, are under test (ControllerKillTests uses the real disk).
        var state = Directory.Exists("/dev/shm") ? Path.Combine("/dev/shm", $"mpp-bad-{Guid.NewGuid():N}") : TempDir.Create("bad-state");
        // The huge-string payloads go up to ~270 KB: the broker's packet limit is raised above them so that
        // the controller's own 64 KiB check answers them (BrokerBoundsTests covers the broker cutting them off).
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning),
            [.. ControllerTestHost.EmbeddedArgs(port), "--Mqtt:MaxPacketBytes=1048576"], stateDirectory: state, logCapacity: 200);
        try
        {
            await using var observer = await MqttTestClient.ConnectAsync(port, "staff", TestUsers.Password("staff"));
            await observer.SubscribeAllAsync($"mpp/{Site}/status", $"mpp/{Site}/schedule");
            var statusBefore = Normalize((await observer.WaitForAsync($"mpp/{Site}/status")).Text);
            var scheduleBefore = (await observer.WaitForAsync($"mpp/{Site}/schedule")).Text;
            var relayBefore = controller.RelayOn;
            var journalBefore = JournalTypes(state);

            var commandTopics = controller.Client.CommandTopics.Order(StringComparer.Ordinal).ToArray();
            Assert.Contains($"mpp/{Site}/override/set", commandTopics);
            var answers = new CommandAnswer?[Count];
            var answered = 0;
            var slots = new SemaphoreSlim(Window);
            var client = new MqttClientFactory().CreateMqttClient();
            var responseTopic = $"mpp/{Site}/responses/admin/bad";
            client.ApplicationMessageReceivedAsync += e =>
            {
                if (e.ApplicationMessage.CorrelationData is { Length: 4 } c)
                {
                    var index = BinaryPrimitives.ReadInt32BigEndian(c);
                    var r = JsonDocument.Parse(e.ApplicationMessage.Payload).RootElement;
                    if (index >= 0 && index < Count && answers[index] is null)
                    {
                        // Only the error's length is kept: the test must not hold 10,000 messages while it measures memory.
                        answers[index] = new CommandAnswer(r.GetProperty("ok").GetBoolean(),
                            r.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.String ? err.GetString()!.Length : 0,
                            r.TryGetProperty("field", out var f) ? f.GetString() : null);
                        Interlocked.Increment(ref answered);
                        slots.Release();
                    }
                }

                return Task.CompletedTask;
            };
            var connect = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).WithCredentials("admin", TestUsers.Password("admin"))
                .WithClientId("bad-payloads").Build());
            Assert.Equal(MqttClientConnectResultCode.Success, connect.ResultCode);
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(responseTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build());

            var generator = new BadPayloads(seed: 20240701);
            var kinds = new int[BadPayloads.Kinds.Length];
            var memory = new List<HeapSample>();
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < Count; i++)
            {
                if (i % 2000 == 0 && i > 0)
                {
                    await Eventually.TrueAsync(() => Volatile.Read(ref answered) >= i, "every bad command to be answered", TimeSpan.FromSeconds(60), () => $"{answered} of {i} answered");
                    memory.Add(MeasureHeap(i));
                }

                var topic = commandTopics[i % commandTopics.Length];
                var command = topic[(topic.IndexOf('/', 4) + 1)..];
                var kind = (i / commandTopics.Length) % BadPayloads.Kinds.Length;
                kinds[kind]++;
                var payload = generator.Make(BadPayloads.Kinds[kind], command);
                var correlation = new byte[4];
                BinaryPrimitives.WriteInt32BigEndian(correlation, i);
                // Every 50th is otherwise fine but retained, which commands must never be.
                var retain = i % 50 == 49;
                var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(retain ? RetainedButValid(command) : payload)
                    .WithRetainFlag(retain).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithResponseTopic(responseTopic).WithCorrelationData(correlation).Build();
                Assert.True(await slots.WaitAsync(TimeSpan.FromSeconds(30)), $"no answer for 30 s after {answered} answers (sent {i})");
                var published = await client.PublishAsync(message);
                Assert.True(published.IsSuccess || published.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers, $"publish {i}: {published.ReasonCode}");
                if (retain)
                {
                    // Clear it again, so the next controller start does not see it (it would be refused again).
                    await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload([]).WithRetainFlag(true).Build());
                }
            }

            await Eventually.TrueAsync(() => Volatile.Read(ref answered) >= Count, "every bad command to be answered", TimeSpan.FromSeconds(60), () => $"{answered} of {Count} answered");
            var elapsed = sw.Elapsed;
            memory.Add(MeasureHeap(Count));

            var reasonsSummary = answers.Select(a => a!.Field ?? "-").GroupBy(f => f).OrderByDescending(g => g.Count()).Take(6).Select(g => $"{g.Key} {g.Count()}").ToList();

            // Each refused, with a reason.
            var accepted = Enumerable.Range(0, Count).Where(i => answers[i]!.Ok).ToList();
            Assert.True(accepted.Count == 0, $"{accepted.Count} bad payloads were accepted, e.g. #{accepted.FirstOrDefault()}");
            Assert.All(answers, a => Assert.True(a!.ErrorLength > 0));
            var longestError = answers.Max(a => a!.ErrorLength);

            // Nothing changed.
            await controller.Loop.DrainAsync();
            Assert.Equal(relayBefore, controller.RelayOn);
            Assert.False(File.Exists(Path.Combine(state, "override.json")), "an override was stored");
            Assert.False(File.Exists(Path.Combine(state, "schedule.json")), "a schedule was stored");
            Assert.Equal(scheduleBefore, observer.Received.Last(m => m.Topic == $"mpp/{Site}/schedule").Text);
            Assert.Equal(statusBefore, Normalize(observer.Received.Last(m => m.Topic == $"mpp/{Site}/status").Text));
            var newJournalTypes = JournalTypes(state).Skip(journalBefore.Count).ToList();
            Assert.DoesNotContain(newJournalTypes, t => t is "override" or "schedule" or "announcements");
            Assert.Equal(0, controller.Logs.ErrorCount);

            // Still alive: a valid command right after the storm is accepted.
            var aliveCorrelation = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(aliveCorrelation, Count - 1);
            answers[Count - 1] = null;
            var alive = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"mpp/{Site}/override/set").WithPayload("{\"state\":\"auto\"}"u8.ToArray())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithResponseTopic(responseTopic).WithCorrelationData(aliveCorrelation).Build());
            Assert.True(alive.IsSuccess, alive.ReasonCode.ToString());
            await Eventually.TrueAsync(() => Volatile.Read(ref answers[Count - 1]) is not null, "an answer to a valid command after the storm", TimeSpan.FromSeconds(10));
            Assert.True(answers[Count - 1]!.Ok, "the valid command after the storm was refused");

            // Memory flat. The small-object heap is where a per-message leak (a kept message, session or event)
            // would show; it must not grow. The large-object heap holds pooled buffers (ArrayPool, MQTTnet, JSON)
            // for the up-to-270 KB payloads: they rise while the pools fill and fall back when trimmed (a 40,000
            // soak went 45.8 → 56.3 → 42.9 MB), so it only has to stay bounded.
            // The first 4,000 (each kind on each topic dozens of times) warm the caches; from there on it must stay flat.
            var warm = memory[1];
            var last = memory[^1];
            var series = string.Join(" / ", memory.Select(m => $"{m.Sent}: {m.Total / MiB:0.0} MB (small objects {m.SmallObjects / MiB:0.0})"));
            Assert.True(last.SmallObjects - warm.SmallObjects < 2 * MiB, $"the small-object heap grew: {series}");
            Assert.True(last.Total - warm.Total < 24 * MiB, $"the managed heap grew beyond the pools' bound: {series}");

            Figures.Record($"bad payloads: {Count} across {commandTopics.Length} command topics ({string.Join(", ", commandTopics.Select(t => t["mpp/".Length..]))}), " +
                $"{BadPayloads.Kinds.Length} kinds + every 50th retained; {Count} refused with a reason, 0 accepted, 0 errors logged, no state change; " +
                $"{elapsed.TotalSeconds:0.0} s ({Count / elapsed.TotalSeconds:0} per s); most refused fields: {string.Join(", ", reasonsSummary)}; longest reason {longestError} characters; journal {JournalBytes(state) / 1024} KiB");
            Figures.Record($"bad payloads: managed heap after a full compacting GC at {series}");
            await client.DisconnectAsync();
            client.Dispose();
        }
        finally
        {
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
                // Leftover tmpfs directory: harmless.
            }
        }
    }

    private static byte[] RetainedButValid(string command) => command switch
    {
        "override/set" => "{\"state\":\"closed\",\"reason\":\"retained\"}"u8.ToArray(),
        "announcements/delete" => "{\"id\":\"x\"}"u8.ToArray(),
        _ => File.ReadAllBytes(RepoPaths.DefaultSchedule),
    };

    private static long JournalBytes(string state) => new FileInfo(Path.Combine(state, "journal.jsonl")) is { Exists: true } f ? f.Length : 0;

    private const double MiB = 1024 * 1024;

    private static HeapSample MeasureHeap(int sent)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var total = GC.GetTotalMemory(forceFullCollection: false);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking).GenerationInfo;
        // Generations 0-2 after a compacting collection: live small objects.
        var small = info[0].SizeAfterBytes + info[1].SizeAfterBytes + info[2].SizeAfterBytes;
        return new HeapSample(sent, total, small);
    }

    private sealed record HeapSample(int Sent, long Total, long SmallObjects);

    private static List<string> JournalTypes(string state)
    {
        var path = Path.Combine(state, "journal.jsonl");
        return File.Exists(path)
            ? [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString() ?? "")]
            : [];
    }

    private static string Normalize(string status)
    {
        using var doc = JsonDocument.Parse(status);
        return string.Join(",", doc.RootElement.EnumerateObject().Where(p => p.Name != "updatedAt").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    private sealed record CommandAnswer(bool Ok, int ErrorLength, string? Field);
}
