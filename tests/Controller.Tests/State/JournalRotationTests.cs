using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.Shared.Mqtt;

using MppSignage.TestSupport;

namespace MppSignage.Controller.Tests.State;

/// <summary>Issue 10 item 3: the journal is rotated by size and keeps a bounded number of files.</summary>
public sealed class JournalRotationTests
{
    private static EventMessage Entry(int i) => new() { Type = "command-result", At = "2024-07-01T10:00:00+07:00", By = "staff", Detail = $"entry {i:D6} " + new string('x', 100) };

    [Fact]
    public void AppendJournal_PastTheSize_RotatesAndKeepsAtMostTheConfiguredFiles()
    {
        var dir = TempDir.Create("journal");
        var store = new StateStore(Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = dir, JournalMaxBytes = 4096, JournalFiles = 3 }));
        for (var i = 0; i < 1000; i++)
        {
            store.AppendJournal([Entry(i)]);
        }

        store.AppendJournal([.. Enumerable.Range(1000, 200).Select(Entry)]);   // one big batch rotates mid-way too
        var files = Directory.GetFiles(dir, "journal*.jsonl");
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 4096, $"{f}: {new FileInfo(f).Length} bytes"));

        // What is kept is the newest, in order, ending with the last entry written.
        var kept = store.ReadJournal().Select(e => e.Detail![6..12]).Select(int.Parse).ToList();
        Assert.Equal(1199, kept[^1]);
        Assert.Equal(Enumerable.Range(kept[0], kept.Count), kept);
        Assert.True(kept.Count > 50);
    }

    [Fact]
    public void AppendJournal_UnderTheSize_NeverRotates()
    {
        var dir = TempDir.Create("journal");
        var store = new StateStore(Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = dir }));
        for (var i = 0; i < 100; i++)
        {
            store.AppendJournal([Entry(i)]);
        }

        Assert.Equal([Path.Combine(dir, StateStore.JournalFile)], Directory.GetFiles(dir, "journal*.jsonl"));
        Assert.Equal(100, store.ReadJournal().Count);
    }
}
