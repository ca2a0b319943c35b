using MppSignage.Shared.Control;
using MppSignage.TestSupport;
using NodaTime;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Door;

/// <summary>
/// A command is applied (relay, status) before its state is saved, and acknowledged only after: the save
/// runs on the disk thread while the status is already out; a failed save is undone and refused.
/// </summary>
public sealed class CommandPersistenceTests
{
    [Fact]
    public async Task Override_RelayAndStatusChangeBeforeTheSave_ResultOnlyAfterTheFileIsDurable()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0), waitForMqtt: false);
        Assert.True(host.RelayOn);
        bool? relayOnDuringSave = null;
        string? statusModeDuringSave = null;
        host.Store.BeforeRename = () =>
        {
            relayOnDuringSave = host.RelayOn;
            statusModeDuringSave = host.Status().Mode;
        };

        var result = await host.Loop.ExecuteAsync("staff", ctx =>
        {
            ctx.SetOverride(new OverrideState(false, ctx.Now + Duration.FromHours(1), "staff", "rapat", ctx.Now));
            return CommandResult.Success;
        });

        Assert.True(result.Ok);
        Assert.False(relayOnDuringSave);              // applied before the fsync …
        Assert.Equal("override", statusModeDuringSave);
        Assert.True(File.Exists(Path.Combine(host.StateDirectory, "override.json"))); // … acknowledged after it
        Assert.False(host.RelayOn);
    }

    [Fact]
    public async Task Override_Acknowledged_AuditLineIsAlreadyInTheJournal()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0), waitForMqtt: false);
        host.Store.BeforeJournalAppend = () => Thread.Sleep(300); // a slow SD card: the journal lags the state file

        var result = await host.Loop.ExecuteAsync("staff", ctx =>
        {
            ctx.SetOverride(new OverrideState(false, ctx.Now + Duration.FromHours(1), "staff", "rapat-journal", ctx.Now));
            return CommandResult.Success;
        });

        // Read at once, without flushing the auditor: a SIGKILL right after the result must not lose the line.
        Assert.True(result.Ok);
        var journal = await File.ReadAllTextAsync(Path.Combine(host.StateDirectory, MppSignage.Controller.State.StateStore.JournalFile));
        Assert.Contains("rapat-journal", journal);
    }

    [Fact]
    public async Task Override_SaveFails_IsUndoneAndRefused()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0), waitForMqtt: false);
        var writesBefore = host.Driver.WritesTo(ControllerTestHost.RelayPin).Count;
        host.Store.BeforeRename = () => throw new IOException("disk full (test)");

        var result = await host.Loop.ExecuteAsync("staff", ctx =>
        {
            ctx.SetOverride(new OverrideState(false, ctx.Now + Duration.FromHours(1), "staff", "rapat", ctx.Now));
            return CommandResult.Success;
        });

        Assert.False(result.Ok);
        Assert.Contains("disk full (test)", result.Error, StringComparison.Ordinal);
        // The relay was switched off for the command and back on by the undo; the status says automatic again.
        Assert.Equal(2, host.Driver.WritesTo(ControllerTestHost.RelayPin).Count - writesBefore);
        Assert.True(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
        Assert.False(File.Exists(Path.Combine(host.StateDirectory, "override.json")));
    }
}
