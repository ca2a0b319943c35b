using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.State;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Door;

/// <summary>
/// Records who did what: one message on the events topic (at once) and one line in the local journal.
/// Journal lines are written by a background writer (one fsync per batch), so the disk never delays
/// a command, the relay or the status.
/// </summary>
internal sealed class Auditor : IAsyncDisposable
{
    private readonly StateStore _store;
    private readonly ControllerOutbox _outbox;
    private readonly TopicsProvider _topics;
    private readonly ILogger<Auditor> _logger;
    private readonly Channel<(EventMessage? Entry, TaskCompletionSource? Flushed)> _lines = Channel.CreateUnbounded<(EventMessage?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _writerDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Auditor(StateStore store, ControllerOutbox outbox, TopicsProvider topics, ILogger<Auditor> logger)
    {
        _store = store;
        _outbox = outbox;
        _topics = topics;
        _logger = logger;
        // A dedicated thread: the journal's fsync blocks, and on a pool thread it starved the 2-core pool
        // of the threads that publish the status and read the broker's socket.
        new Thread(WriteLoop) { IsBackground = true, Name = "mpp-journal" }.Start();
    }

    public void Record(EventMessage entry, byte[]? correlation = null)
    {
        _outbox.Publish(_topics.Topics.Events, JsonSerializer.SerializeToUtf8Bytes(entry, MqttJsonContext.Wire.EventMessage), correlation);
        _lines.Writer.TryWrite((entry, null));
    }

    /// <summary>Completes when every entry recorded so far is in the journal file.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_lines.Writer.TryWrite((null, done)))
        {
            done.TrySetResult();
        }

        return done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writerDone.Task.ConfigureAwait(false);
    }

    private void WriteLoop()
    {
        try
        {
            WriteBatches();
        }
        finally
        {
            _writerDone.TrySetResult();
        }
    }

    private void WriteBatches()
    {
        var batch = new List<EventMessage>();
        var flushed = new List<TaskCompletionSource>();
        // Blocking on this dedicated thread is the point (see the constructor).
        while (_lines.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (_lines.Reader.TryRead(out var item))
            {
                if (item.Entry is not null)
                {
                    batch.Add(item.Entry);
                }

                if (item.Flushed is not null)
                {
                    flushed.Add(item.Flushed);
                }
            }

            try
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                _store.AppendJournal(batch);
                ControllerMetrics.JournalAppend.Record(ControllerMetrics.Since(start));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full or read-only disk must not stop the door; the events still went out on MQTT.
                Log.JournalFailed(_logger, ex.Message);
            }

            batch.Clear();
            flushed.ForEach(f => f.TrySetResult());
            flushed.Clear();
        }
    }
}
