using System.Diagnostics;
using MppSignage.Controller.Mqtt;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace MppSignage.SystemTests.Faults;

/// <summary>
/// Issue 10 items 3 and 7: 100,000 bad payloads through the controller's whole command path (its command
/// queue, the handlers, the audit, the journal with its rotation, the outbox and the embedded broker), fed
/// in-process without socket round trips so it takes seconds; the managed heap after full GCs is reported
/// and must stay flat within 5 MB after the warm-up, and the journal within its size bound.
/// </summary>
[Collection(HeapMeasurements.Name)]
public sealed class BadPayloadSoakTests
{
    private const int Count = 100_000;
    private const int WarmUp = 20_000;
    private const int Every = 10_000;
    private const string Site = "probolinggo";
    private const double MiB = 1024 * 1024;

    [Fact]
    public async Task HundredThousandBadPayloads_HeapFlatAfterWarmUp_JournalBounded()
    {
        var port = FreePort.Next();
        // tmpfs as in BadPayloadTests: the refusals, not this VM's fsync, are under test.
        var state = Directory.Exists("/dev/shm") ? Path.Combine("/dev/shm", $"mpp-soak-{Guid.NewGuid():N}") : TempDir.Create("soak-state");
        const long journalMax = 1024 * 1024;
        const int journalFiles = 3;
        await using var controller = await ControllerTestHost.StartAsync(ShiftedTimeProvider.StartingAt(ShiftedTimeProvider.QuietMorning),
            [.. ControllerTestHost.EmbeddedArgs(port), $"--State:JournalMaxBytes={journalMax}", $"--State:JournalFiles={journalFiles}"],
            stateDirectory: state, logCapacity: 200);
        try
        {
            var client = controller.Client;
            var topics = client.CommandTopics.Order(StringComparer.Ordinal).ToArray();
            var generator = new BadPayloads(seed: 20261201);
            // A fixed set of payloads, reused: the test itself must not allocate per message what it measures.
            var payloads = Enumerable.Range(0, 512).Select(i =>
            {
                var topic = topics[i % topics.Length];
                var command = topic[(topic.IndexOf('/', 4) + 1)..];
                return (Topic: topic, Payload: generator.Make(BadPayloads.Kinds[(i / topics.Length) % BadPayloads.Kinds.Length], command));
            }).ToArray();
            var user = new List<MqttUserProperty> { new(MqttUserProperties.User, "admin"u8.ToArray().AsMemory()), new(MqttUserProperties.Verified, "true"u8.ToArray().AsMemory()) };

            var samples = new List<(int Sent, long Heap)>();
            var start = client.Handled;
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < Count; i++)
            {
                if (i % Every == 0 && i > 0)
                {
                    await WaitAsync(() => client.Handled - start >= i);
                    samples.Add((i, Heap()));
                }

                var (topic, payload) = payloads[i % payloads.Length];
                var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .WithResponseTopic($"mpp/{Site}/responses/admin/soak").WithCorrelationData(BitConverter.GetBytes(i)).Build();
                message.UserProperties = user;
                // The bounded command queue waits when full: back-pressure, never a drop.
                await client.InjectAsync(message, CancellationToken.None);
            }

            await WaitAsync(() => client.Handled - start >= Count);
            var elapsed = sw.Elapsed;
            samples.Add((Count, Heap()));

            var journalBytes = Directory.GetFiles(state, "journal*.jsonl").Sum(f => new FileInfo(f).Length);
            var journalCount = Directory.GetFiles(state, "journal*.jsonl").Length;
            var series = string.Join(" / ", samples.Select(s => $"{s.Sent}: {s.Heap / MiB:0.0} MB"));
            Figures.Record($"bad-payload soak: {Count} in-process through the command path in {elapsed.TotalSeconds:0.0} s ({Count / elapsed.TotalSeconds:0} refused per s); " +
                $"managed heap after full compacting GCs {series}; journal {journalCount} files, {journalBytes / 1024} KiB (bound {journalFiles} x {journalMax / 1024} KiB)");

            Assert.False(File.Exists(Path.Combine(state, "override.json")), "an override was stored");
            Assert.False(File.Exists(Path.Combine(state, "schedule.json")), "a schedule was stored");
            Assert.Equal(0, controller.Logs.ErrorCount);
            Assert.True(journalCount <= journalFiles && journalBytes <= journalFiles * journalMax, $"journal {journalCount} files, {journalBytes} bytes");
            var warm = samples.First(s => s.Sent == WarmUp).Heap;
            var peak = samples.Where(s => s.Sent >= WarmUp).Max(s => s.Heap);
            Assert.True(peak - warm < 5 * MiB, $"the managed heap grew by {(peak - warm) / MiB:0.0} MB after the warm-up: {series}");
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

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException("the controller stopped handling commands");
            }

            await Task.Delay(5);
        }
    }
}
