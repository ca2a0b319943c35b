using System.Diagnostics;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.MqttHost;
using MppSignage.Shared.Control;
using MppSignage.TestSupport;
using MQTTnet;
using NodaTime;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Door;

/// <summary>
/// Fail-safe by construction (issue 10 item 5): an untrusted clock never applies a stored override, the cap
/// is re-checked on every decision, SIGTERM puts the relay in its shutdown state before the MQTT goodbye,
/// and a read-only state directory does not stop the start.
/// </summary>
public sealed class FailSafeTests
{
    private static readonly string OverridePath = StateStore.OverrideFile;

    [Fact]
    public async Task Restart_UnsynchronisedClockWithStoredOverride_PolicyDecidesUntilSynchronised()
    {
        var state = TempDir.Create("ctl");
        await using (var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 0), stateDirectory: state))
        {
            // After closing time staff keep the hall open until 18:00.
            await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
            Assert.True((await Commands.OverrideAsync(staff, "staff", """{"state":"open","until":"2024-07-01T18:00:00+07:00"}""")).Ok);
            Assert.True(host.RelayOn);
        }

        // A Pi without RTC restarts at 16:00 with a clock not yet synchronised: the stored override cannot be
        // judged, so the unsynchronised policy (closed) decides, and the override is kept for later.
        await using (var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 16, 0), stateDirectory: state, synced: false, waitForMqtt: false))
        {
            Assert.False(host.RelayOn);
            var status = host.Status();
            Assert.Equal("auto", status.Mode);
            Assert.Equal("clock-unsynchronised", status.Reason);
            Assert.Null(status.Override);
            Assert.Contains("stored override waits", status.Message);
            Assert.True(File.Exists(Path.Combine(state, OverridePath)));

            // A forced state cannot be set either while the clock is untrusted; the reason says why.
            var refused = await host.Loop.ExecuteAsync("staff", ctx => ctx.Apply(DoorCommands.Override(new OverrideCommand(OverrideTarget.Open, null, null), "staff", ctx.Situation)));
            Assert.False(refused.Ok);
            Assert.Equal("state", refused.Field);
            Assert.Contains("not synchronised", refused.Error);

            host.Clock.Synced = true;
            await host.AdvanceAsync(TimeSpan.FromSeconds(30));   // the periodic check notices synchronisation
            Assert.True(host.RelayOn);
            Assert.Equal("override", host.Status().Mode);
            Assert.Equal("staff", host.Status().Override!.By);
        }

        // Restarted unsynchronised after the override's end: still not judged, so the file is kept …
        await using (var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 19, 0), stateDirectory: state, synced: false, waitForMqtt: false))
        {
            Assert.False(host.RelayOn);
            Assert.True(File.Exists(Path.Combine(state, OverridePath)));

            // … until the clock is trusted: then it is expired, cleared and journalled.
            host.Clock.Synced = true;
            await host.AdvanceAsync(TimeSpan.FromSeconds(30));
            Assert.False(host.RelayOn);
            Assert.Equal("regular", host.Status().Reason);
            Assert.False(File.Exists(Path.Combine(state, OverridePath)));
            Assert.Contains(await host.JournalAsync(), e => e.Type == "override" && e.State == "auto" && e.Detail!.StartsWith("expired", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StoredOverrideBeyondCap_IsNotApplied_AndCleared()
    {
        // Accepted under the default 12 h cap; the site lowered the cap to 2 h before this start.
        var state = TempDir.Create("ctl");
        var store = new StateStore(Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = state }));
        store.SaveOverride(new OverrideState(true, J(2024, 7, 1, 23, 0), "admin", "acara malam", J(2024, 7, 1, 15, 0)));

        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 15, 30), stateDirectory: state, extraArgs: ["--Door:OverrideMaxHours=2"], waitForMqtt: false);

        Assert.False(host.RelayOn);
        Assert.Equal("auto", host.Status().Mode);
        Assert.False(File.Exists(Path.Combine(state, OverridePath)));
        Assert.Contains(await host.JournalAsync(), e => e.Type == "override" && e.State == "auto" && e.Detail!.Contains("beyond the maximum override", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_RelayInShutdownStateBeforeTheMqttGoodbye()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        Assert.True(host.RelayOn);
        await using var admin = await MqttTestClient.ConnectAsync(host.Port, "admin");
        var relayAtGoodbye = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        admin.Client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == $"mpp/{ControllerTestHost.Site}/availability" && !e.ApplicationMessage.Retain && e.ApplicationMessage.ConvertPayloadToString() == "offline")
            {
                relayAtGoodbye.TrySetResult(host.RelayOn);
            }

            return Task.CompletedTask;
        };
        await admin.SubscribeAsync($"mpp/{ControllerTestHost.Site}/availability");

        await host.StopAsync();

        Assert.False(await relayAtGoodbye.Task.WaitAsync(MqttTestClient.DefaultTimeout), "the relay was still on when the controller said offline");
        Assert.False(host.RelayOn);
    }

    [Fact]
    public async Task ReadOnlyStateDirectory_WithLeftoverAndExpiredOverride_StartsPublishesAndRefusesChanges()
    {
        Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root", "this test needs root: it bind-mounts the state directory read-only (a 0555 directory does not stop root)");
        var state = TempDir.Create("ctl");
        var store = new StateStore(Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = state }));
        store.SaveOverride(new OverrideState(false, J(2024, 7, 1, 12, 0), "staff", "rapat", J(2024, 7, 1, 10, 0)));   // expired by the start below
        File.WriteAllText(Path.Combine(state, $".{StateStore.OverrideFile}.4242{AtomicFile.TempSuffix}"), "half a write");   // a power cut mid-write
        Mount("--bind", state, state);
        try
        {
            Mount("-o", "remount,ro,bind", state);
            Assert.Throws<IOException>(() => File.WriteAllText(Path.Combine(state, "probe"), "x"));   // really read-only, even for root

            // Tuesday 09:00: open by the schedule.
            await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 2, 9, 0), stateDirectory: state);
            Assert.True(host.RelayOn);
            Assert.Equal("auto", host.Status().Mode);

            await using var screen = await MqttTestClient.ConnectAsync(host.Port, "screen");
            await screen.SubscribeAsync($"mpp/{ControllerTestHost.Site}/status");
            await screen.WaitForAsync($"mpp/{ControllerTestHost.Site}/status", t => t.Contains("\"state\":\"open\"", StringComparison.Ordinal));

            await using var staff = await MqttTestClient.ConnectAsync(host.Port, "staff");
            var result = await Commands.OverrideAsync(staff, "staff", """{"state":"closed","reason":"rapat"}""");
            Assert.False(result.Ok);
            Assert.Contains("cannot be written", result.Error);
            Assert.Contains(state, result.Error);
            Assert.True(host.RelayOn);   // undone: nothing changed
            Assert.Equal("auto", host.Status().Mode);

            var logs = string.Join("\n", host.Logs.Messages(Microsoft.Extensions.Logging.LogLevel.Warning));
            Assert.Contains("cannot remove", logs);
            Assert.Contains("could not remove the stored override", logs);
            host.Logs.ExpectError("journal append failed");   // the journal is on the read-only directory too
            Assert.Contains(host.Logs.Errors, e => e.Contains("journal append failed", StringComparison.Ordinal));
            await host.StopAsync();
        }
        finally
        {
            Mount("-u", state);
        }

        Directory.Delete(state, recursive: true);
    }

    private static void Mount(string option, string source, string? target = null)
    {
        var psi = new ProcessStartInfo(option == "-u" ? "umount" : "mount") { RedirectStandardError = true };
        if (option == "-u")
        {
            psi.ArgumentList.Add(source);
        }
        else
        {
            psi.ArgumentList.Add(option);
            psi.ArgumentList.Add(source);
            if (target is not null)
            {
                psi.ArgumentList.Add(target);
            }
        }

        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{psi.FileName} {string.Join(' ', psi.ArgumentList)} failed: {error}");
    }
}
