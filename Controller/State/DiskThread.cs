using System.Collections.Concurrent;

namespace MppSignage.Controller.State;

/// <summary>
/// A dedicated thread for blocking disk work (write + fsync). fsync on this VM takes 1 ms typically and
/// tens of ms under load; done on thread-pool threads it starved the pool (2 cores → 2 threads at first),
/// so the task that publishes the status — queued before the fsync started — waited for the disk anyway.
/// Callers await the returned task, which completes on the thread pool, never on this thread.
/// </summary>
internal sealed class DiskThread : IDisposable
{
    private readonly BlockingCollection<(Action Work, TaskCompletionSource Done)> _queue = new();
    private readonly Thread _thread;
    private int _disposed;

    public DiskThread(string name)
    {
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the disk thread, in queue order; the task carries its exception.</summary>
    public Task RunAsync(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _queue.Add((work, done));
        }
        catch (InvalidOperationException)
        {
            // Disposed (shutting down): run inline rather than lose durable work.
            Execute(work, done);
        }

        return done.Task;
    }

    public void Dispose()
    {
        // The host disposes a hosted service's instance once per registration; the second call is a no-op.
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.CompleteAdding();
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join();
        }

        _queue.Dispose();
    }

    private void Run()
    {
        foreach (var (work, done) in _queue.GetConsumingEnumerable())
        {
            Execute(work, done);
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
