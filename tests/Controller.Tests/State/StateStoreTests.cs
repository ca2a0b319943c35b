using System.Text;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.Controller.Tests.Support;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.State;

public sealed class StateStoreTests
{
    private static StateStore NewStore(string dir) => new(Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = dir }));

    [Fact]
    public void CrashBetweenWriteAndRename_KeepsAcknowledgedOverride()
    {
        var dir = TestPaths.NewTempDirectory();
        var store = NewStore(dir);
        var acknowledged = new OverrideState(true, J(2024, 7, 1, 18, 0), "staff", "antrian", J(2024, 7, 1, 15, 0));
        store.SaveOverride(acknowledged);

        store.BeforeRename = () => throw new IOException("simulated power cut");
        Assert.Throws<IOException>(() => store.SaveOverride(acknowledged with { Open = false, By = "admin" }));
        Assert.Single(Directory.GetFiles(dir, ".*.tmp"));   // the half-done write is there…

        var restarted = NewStore(dir);
        Assert.Single(restarted.Prepare());                 // …and is removed at the next start
        var loaded = restarted.LoadOverride();
        Assert.Null(loaded.Problem);
        Assert.Equal(acknowledged, loaded.Value);
        Assert.Empty(Directory.GetFiles(dir, ".*.tmp"));
    }

    [Fact]
    public void CrashBetweenWriteAndRename_KeepsPreviousSchedule()
    {
        var dir = TestPaths.NewTempDirectory();
        var store = NewStore(dir);
        store.SaveSchedule("{\"v\":1}");
        store.BeforeRename = () => throw new IOException("simulated power cut");
        Assert.Throws<IOException>(() => store.SaveSchedule("{\"v\":2}"));
        Assert.Equal("{\"v\":1}", NewStore(dir).LoadSchedule().Value);
    }

    [Theory]
    [InlineData("{\"state\":\"open\"")]                                             // truncated JSON
    [InlineData("{\"state\":\"ajar\",\"until\":\"2024-07-01T10:00:00Z\",\"by\":\"x\",\"setAt\":\"2024-07-01T09:00:00Z\"}")] // bad value
    [InlineData("")]                                                                 // empty file
    public void CorruptOverrideFile_IsReportedSetAsideAndIgnored(string content)
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "override.json"), content);
        var loaded = NewStore(dir).LoadOverride();
        Assert.Null(loaded.Value);
        Assert.Contains("unreadable", loaded.Problem);
        Assert.True(File.Exists(Path.Combine(dir, "override.json.corrupt")));
        Assert.False(File.Exists(Path.Combine(dir, "override.json")));
    }

    [Fact]
    public void Journal_TornLastLine_IsSkippedAndNextEntryStaysReadable()
    {
        var dir = TestPaths.NewTempDirectory();
        var store = NewStore(dir);
        store.AppendJournal(new EventMessage { Type = "override", At = "2024-07-01T10:00:00+07:00", By = "staff" });
        File.AppendAllText(Path.Combine(dir, "journal.jsonl"), "{\"type\":\"overr", Encoding.UTF8);   // power cut mid-append
        store.AppendJournal(new EventMessage { Type = "override", At = "2024-07-01T11:00:00+07:00", By = "admin" });
        var entries = store.ReadJournal();
        Assert.Equal(["staff", "admin"], entries.Select(e => e.By));
    }

    [Fact]
    public async Task CorruptOverrideAtStart_ControllerRunsInAutomaticAndSaysSo()
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "override.json"), "garbage");
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0), stateDirectory: dir, waitForMqtt: false);
        Assert.True(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
        Assert.Contains(host.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("override.json is unreadable"));
    }
}
