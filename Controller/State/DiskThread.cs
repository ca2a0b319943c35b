namespace MppSignage.Controller.State;

/// <summary>
/// The one writer of the state directory: a dedicated thread for blocking disk work (write + fsync). fsync on
/// this VM takes 1 ms typically and tens of ms under load; done on thread-pool threads it starved the pool
/// (2 cores → 2 threads at first), so the task that publishes the status — queued before the fsync started —
/// waited for the disk anyway. Two lanes, each in queue order: state writes (<see cref="RunAsync"/>: a
/// command's state, clearing an override) go before background writes (<see cref="RunBackgroundAsync"/>:
/// journal batches), so a command's save never waits behind another event's journal line.
/// Callers await the returned task, which completes on the thread pool, never on this thread.
/// </summary>
internal sealed class DiskThread : IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<(Action Work, TaskCompletionSource Done)> _state = new();
    private readonly Queue<(Action Work, TaskCompletionSource Done)> _background = new();
    private readonly Thread _thread;
    private bool _completed;

    public DiskThread(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs state work on the disk thread, in order and before any background work; the task carries its exception.</summary>
    public Task RunAsync(Action work) => Enqueue(_state, work);

    /// <summary>
    /// Runs background work (the journal) on the disk thread, in order, when no state work is waiting; when it
    /// runs, every state and background item queued before it has run.
    /// </summary>
    public Task RunBackgroundAsync(Action work) => Enqueue(_background, work);

    public void Dispose()
    {
        // The host disposes a hosted service's instance once per registration; the second call is a no-op.
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            Monitor.PulseAll(_gate);
        }

        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }
    }

    private Task Enqueue(Queue<(Action, TaskCompletionSource)> lane, Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (!_completed)
            {
                lane.Enqueue((work, done));
                Monitor.Pulse(_gate);
                return done.Task;
            }
        }

        // Disposed (shutting down): run inline rather than lose durable work.
        Execute(work, done);
        return done.Task;
    }

    private void Run()
    {
        while (true)
        {
            (Action Work, TaskCompletionSource Done) item;
            lock (_gate)
            {
                while (_state.Count == 0 && _background.Count == 0)
                {
                    if (_completed)
                    {
                        return;
                    }

                    Monitor.Wait(_gate);
                }

                item = _state.Count > 0 ? _state.Dequeue() : _background.Dequeue();
            }

            Execute(item.Work, item.Done);
        }
    }

    private static void Execute(Action work, TaskCompletionSource done)
    {
        try
        {
            work();
            done.TrySetResult();
        }
        catch (Exception ex)
        {
            done.TrySetException(ex);
        }
    }
}
