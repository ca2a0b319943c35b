using System.Collections.Concurrent;
using MppSignage.Controller.State;

namespace MppSignage.Controller.Tests.State;

/// <summary>The one disk writer: state work before background (journal) work, each lane in order, nothing lost at dispose.</summary>
public sealed class DiskThreadTests
{
    [Fact]
    public async Task StateWork_QueuedBehindJournalWork_RunsFirst_EachLaneInOrder()
    {
        using var disk = new DiskThread("test-disk");
        var order = new ConcurrentQueue<string>();
        using var gate = new ManualResetEventSlim();
        // Hold the thread inside a first item so that everything below is queued before anything runs.
        var blocker = disk.RunBackgroundAsync(() => gate.Wait(TimeSpan.FromSeconds(10)));
        var tasks = new List<Task>
        {
            disk.RunBackgroundAsync(() => order.Enqueue("journal-1")),
            disk.RunBackgroundAsync(() => order.Enqueue("journal-2")),
            disk.RunAsync(() => order.Enqueue("state-1")),
            disk.RunAsync(() => order.Enqueue("state-2")),
        };
        gate.Set();
        await blocker.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["state-1", "state-2", "journal-1", "journal-2"], order);
    }

    [Fact]
    public async Task Work_Throwing_FaultsItsTask_AndTheThreadGoesOn()
    {
        using var disk = new DiskThread("test-disk");

        var failed = disk.RunAsync(() => throw new IOException("Read-only file system"));
        var next = disk.RunAsync(() => { });

        Assert.Equal("Read-only file system", (await Assert.ThrowsAsync<IOException>(() => failed)).Message);
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Dispose_RunsWhatWasQueued_ThenRunsLaterWorkInline()
    {
        var ran = new ConcurrentQueue<int>();
        var disk = new DiskThread("test-disk");
        var queued = Enumerable.Range(0, 20).Select(i => disk.RunBackgroundAsync(() => ran.Enqueue(i))).ToList();

        disk.Dispose();
        await disk.RunAsync(() => ran.Enqueue(99));

        Assert.All(queued, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.Equal([.. Enumerable.Range(0, 20), 99], ran);
    }
}
