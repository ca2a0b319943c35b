using System.Text;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.State;

public sealed class StateStoreTests
{
    private static StateStore NewStore(string dir) => new(Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = dir }));

    [Fact]
    public void CrashBetweenWriteAndRename_KeepsAcknowledgedOverride()
    {
        var dir = TempDir.Create("ctl");
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
        var dir = TempDir.Create("ctl");
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
        var dir = TempDir.Create("ctl");
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
        var dir = TempDir.Create("ctl");
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
        var dir = TempDir.Create("ctl");
        File.WriteAllText(Path.Combine(dir, "override.json"), "garbage");
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0), stateDirectory: dir, waitForMqtt: false);
        Assert.True(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
        Assert.Contains(host.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Warning), m => m.Contains("override.json is unreadable"));
    }

    // override.json is the record of the wire layer (OverrideStateFile): the same bytes as before, read back whole.
    [Fact]
    public void SaveOverride_WritesTheIndentedUtcFile()
    {
        var dir = TempDir.Create("ctl");
        NewStore(dir).SaveOverride(new OverrideState(false, J(2024, 7, 1, 18, 0), "staff", "rapat \"koordinasi\" – ruang 2", J(2024, 7, 1, 15, 0)));

        Assert.Equal(
            "{\n  \"state\": \"closed\",\n  \"until\": \"2024-07-01T11:00:00Z\",\n  \"by\": \"staff\",\n  \"reason\": \"rapat \\\"koordinasi\\\" – ruang 2\",\n  \"setAt\": \"2024-07-01T08:00:00Z\"\n}",
            File.ReadAllText(Path.Combine(dir, StateStore.OverrideFile), Encoding.UTF8));
    }

    [Fact]
    public void LoadOverride_FileOfAnEarlierVersion_IsRead()
    {
        var dir = TempDir.Create("ctl");
        File.WriteAllText(Path.Combine(dir, StateStore.OverrideFile),
            "{\n  \"state\": \"open\",\n  \"until\": \"2024-07-01T11:00:00Z\",\n  \"by\": \"button\",\n  \"reason\": null,\n  \"setAt\": \"2024-07-01T08:00:00.5Z\"\n}");

        var loaded = NewStore(dir).LoadOverride();

        Assert.Null(loaded.Problem);
        Assert.Equal(new OverrideState(true, J(2024, 7, 1, 18, 0), "button", null, J(2024, 7, 1, 15, 0) + NodaTime.Duration.FromMilliseconds(500)), loaded.Value);
    }

    [Theory]
    [InlineData("{\"state\":\"open\",\"until\":\"besok\",\"by\":\"x\",\"setAt\":\"2024-07-01T09:00:00Z\"}")]   // not an instant
    [InlineData("{\"state\":\"open\",\"by\":\"x\",\"setAt\":\"2024-07-01T09:00:00Z\"}")]                       // until missing
    [InlineData("{\"state\":\"open\",\"until\":\"2024-07-01T10:00:00Z\",\"by\":\"\",\"setAt\":\"2024-07-01T09:00:00Z\"}")] // nobody
    [InlineData("null")]                                                                                   // not an object
    public void LoadOverride_Unusable_IsSetAside(string content)
    {
        var dir = TempDir.Create("ctl");
        File.WriteAllText(Path.Combine(dir, StateStore.OverrideFile), content);

        var loaded = NewStore(dir).LoadOverride();

        Assert.Null(loaded.Value);
        Assert.Contains("unreadable", loaded.Problem);
        Assert.True(File.Exists(Path.Combine(dir, StateStore.OverrideFile + ".corrupt")));
    }
}
