using System.Text.Json;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.State;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Door;

/// <summary>
/// Records who did what: one message on the events topic (at once) and one line in the local journal.
/// Journal lines are appended on the controller's one <see cref="DiskThread"/> in batches (one fsync per
/// batch: what is recorded while a batch is being written joins the next), so the disk never delays a
/// command, the relay or the status.
/// </summary>
internal sealed class Auditor(StateStore store, DiskThread disk, ControllerOutbox outbox, TopicsProvider topics, ILogger<Auditor> logger)
{
    private readonly object _gate = new();
    private List<EventMessage> _pending = [];
    private bool _batchQueued;

    /// <summary>Publishes <paramref name="entry"/> at once and queues its journal line.</summary>
    /// <param name="entry">The event.</param>
    /// <param name="correlation">The command's correlation data, when it answers one.</param>
    /// <param name="deferWrite">
    /// Keep the line until the next <see cref="FlushAsync"/> (or the next undeferred entry): a command records
    /// its door change before its state is saved, and writing that line then would put a journal fsync in
    /// front of the state's on the one disk thread; deferred, it joins the command's own line in one batch.
    /// </param>
    public void Record(EventMessage entry, byte[]? correlation = null, bool deferWrite = false)
    {
        outbox.Publish(topics.Topics.Events, JsonSerializer.SerializeToUtf8Bytes(entry, MqttJsonContext.Wire.EventMessage), correlation);
        lock (_gate)
        {
            _pending.Add(entry);
            if (deferWrite || _batchQueued)
            {
                return;
            }

            _batchQueued = true;
        }

        // Failures are logged inside the batch; nobody waits for this one (FlushAsync is how to wait).
        _ = disk.RunBackgroundAsync(WriteBatch);
    }

    /// <summary>Completes when every entry recorded so far is in the journal file (the disk thread runs in queue order).</summary>
    public Task FlushAsync() => disk.RunBackgroundAsync(WriteBatch);

    private void WriteBatch()
    {
        List<EventMessage> batch;
        lock (_gate)
        {
            batch = _pending;
            _pending = [];
            _batchQueued = false;
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            store.AppendJournal(batch);
            ControllerMetrics.JournalAppend.Record(ControllerMetrics.Since(start));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full or read-only disk must not stop the door; the events still went out on MQTT.
            Log.JournalFailed(logger, ex.Message);
        }
    }
}
