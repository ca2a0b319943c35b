using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Clock;
using MppSignage.Controller.Gpio;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.Options;
using MppSignage.Controller.Scheduling;
using MppSignage.Controller.State;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.Controller.Door;

/// <summary>
/// The controller's heart: one loop that owns the schedule, the override and the hardware. It decides
/// (purely, with <see cref="DoorDecision"/>; commands and the button with <see cref="DoorCommands"/>) at
/// start, at every next change, on a periodic check, on every command and button press, and applies the
/// result to relay, lamps, LCD and the status topic. Because each decision uses only the current instant,
/// a missed or late timer can delay a change by at most one check interval, never make it wrong. Every
/// disk write goes through the one <see cref="DiskThread"/>, never on the loop.
/// </summary>
internal sealed class DoorLoop : BackgroundService, IHostedLifecycleService
{
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromHours(6);

    private readonly DoorHardware _hardware;
    private readonly StateStore _store;
    private readonly DiskThread _disk;
    private readonly ScheduleProvider _schedules;
    private readonly IClockSync _clock;
    private readonly TimeProvider _time;
    private readonly ControllerOutbox _outbox;
    private readonly TopicsProvider _topics;
    private readonly Auditor _auditor;
    private readonly DoorPolicy _policy;
    private readonly ILogger<DoorLoop> _logger;
    private readonly Channel<Func<ValueTask>> _work = Channel.CreateUnbounded<Func<ValueTask>>(new UnboundedChannelOptions { SingleReader = true });
    private long _turns;
    private ITimer? _wakeTimer;
    private ITimer? _periodicTimer;
    private int _recomputePending;
    private OverrideState? _override;
    private bool? _lastClockSynced;
    private StatusMessage? _lastStatus;
    // True while a command runs: its audit lines are written together after its state is durable.
    private bool _inCommand;

    public DoorLoop(
        DoorHardware hardware,
        StateStore store,
        DiskThread disk,
        ScheduleProvider schedules,
        IClockSync clock,
        TimeProvider time,
        ControllerOutbox outbox,
        TopicsProvider topics,
        Auditor auditor,
        IOptions<DoorPolicy> policy,
        ILogger<DoorLoop> logger)
    {
        _hardware = hardware;
        _store = store;
        _disk = disk;
        _schedules = schedules;
        _clock = clock;
        _time = time;
        _outbox = outbox;
        _topics = topics;
        _auditor = auditor;
        _policy = policy.Value;
        _logger = logger;
        if (hardware.Button is { } button)
        {
            button.Pressed += OnButton;
        }
    }

    /// <summary>The last decision.</summary>
    public DoorState? Current { get; private set; }

    /// <summary>The zone of the schedule in force (or the site's fallback).</summary>
    public DateTimeZone Zone => _schedules.Current?.Zone ?? _policy.SiteZone;

    /// <summary>How many times the loop has turned (the systemd watchdog's liveness signal).</summary>
    public long Turns => Interlocked.Read(ref _turns);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Load state and decide before anything else starts, so the relay leaves its start-up safe state
        // as soon as the schedule says so, whether or not a broker is reachable. Nothing here may throw on
        // an unwritable state directory: the door must still run, and commands are refused with the reason.
        var problems = new List<string>();
        foreach (var leftover in _store.Prepare(problems))
        {
            Log.StateProblem(_logger, $"removed {leftover} left by an interrupted write (the previous content is intact)");
        }

        problems.ForEach(p => Log.StateProblem(_logger, p));
        var loaded = _store.LoadOverride();
        if (loaded.Problem is not null)
        {
            Log.StateProblem(_logger, loaded.Problem);
        }

        _override = loaded.Value;
        _schedules.Load();
        PublishSchedule();
        Recompute("start");
        _periodicTimer = _time.CreateTimer(_ => RequestRecompute(), null, _policy.CheckInterval, _policy.CheckInterval);
        _wakeTimer = _time.CreateTimer(_ => RequestRecompute(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        ArmWake();
        return base.StartAsync(cancellationToken);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// SIGTERM: the relay goes to its shutdown state before any service stops (the host runs every
    /// StoppingAsync before the first StopAsync), so the MQTT goodbye — seconds against a hung broker —
    /// never delays it. No decision is applied after this.
    /// </summary>
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _periodicTimer?.Dispose();
        _wakeTimer?.Dispose();
        _work.Writer.TryComplete();
        _hardware.Shutdown();
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _work.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        _hardware.Shutdown();
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs <paramref name="command"/> inside the loop, persists what it changed, re-decides, and returns its result.</summary>
    public Task<CommandResult> ExecuteAsync(string by, Func<DoorContext, CommandResult> command)
    {
        var done = new TaskCompletionSource<CommandResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = _work.Writer.TryWrite(async () =>
        {
            try
            {
                done.TrySetResult(await RunCommandAsync(by, command));
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
        });
        if (!queued)
        {
            done.TrySetResult(CommandResult.Refused(null, "the controller is shutting down"));
        }

        return done.Task;
    }

    /// <summary>Asks for a re-decision (coalesced: many requests while one is queued make one).</summary>
    public void RequestRecompute()
    {
        if (Interlocked.Exchange(ref _recomputePending, 1) == 0)
        {
            _work.Writer.TryWrite(() =>
            {
                Interlocked.Exchange(ref _recomputePending, 0);
                Recompute("timer");
                return ValueTask.CompletedTask;
            });
        }
    }

    /// <summary>Completes when everything queued before the call has run, with the disk writes it queued (tests).</summary>
    public async Task DrainAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_work.Writer.TryWrite(() =>
            {
                done.TrySetResult();
                return ValueTask.CompletedTask;
            }))
        {
            done.TrySetResult();
        }

        await done.Task;
        await _disk.RunBackgroundAsync(() => { });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(stoppingToken))
            {
                Interlocked.Increment(ref _turns);
                try
                {
                    await item();
                }
                catch (Exception ex)
                {
                    // The loop must outlive any single failure (a disk error, a hardware glitch): log it and keep deciding.
                    Log.LoopError(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private DoorSituation Situation(Instant now, bool synced) =>
        new(now, _schedules.Current?.Evaluate(now), Current, _override, synced, _policy.Decision, _schedules.Problem) { Zone = Zone };

    private async Task<CommandResult> RunCommandAsync(string by, Func<DoorContext, CommandResult> command)
    {
        var now = Now();
        var context = new DoorContext { Situation = Situation(now, IsClockSynced()), Zone = Zone };
        var result = command(context);
        if (!result.Ok)
        {
            return result;
        }

        // Apply first (relay and status are not delayed by the disk), then persist, then acknowledge:
        // the result goes out only after the state is durable, so an acknowledged command survives a
        // power cut, and one that could not be saved is undone and refused.
        var previousSchedule = _schedules.Current;
        var previousOverride = _override;
        var newSchedule = context.NewSchedule;
        var overrideChanged = context.OverrideChanged;
        var newOverride = context.NewOverride;
        if (newSchedule is not null)
        {
            _schedules.Accept(newSchedule);
        }

        if (overrideChanged)
        {
            _override = newOverride;
        }

        _inCommand = true;
        try
        {
            Recompute("command");
        }
        finally
        {
            _inCommand = false;
        }

        var saveStart = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // The loop takes no other work until the state is durable (so an undo never races a later
            // command), but it awaits the disk thread instead of blocking a thread-pool thread: the status
            // just handed to the outbox is published by a pool thread meanwhile.
            await _disk.RunAsync(() =>
            {
                if (newSchedule is not null)
                {
                    _store.SaveSchedule(newSchedule.Json);
                }

                if (overrideChanged)
                {
                    _store.SaveOverride(newOverride);
                }
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (newSchedule is not null)
            {
                _schedules.Restore(previousSchedule);
            }

            _override = previousOverride;
            Recompute("command undone");
            // The lines deferred above (the door's change and its undoing) are written now; nobody waits for them.
            _ = _auditor.FlushAsync();
            Log.StateProblem(_logger, $"could not save the command's state ({ex.Message}); undone");
            return CommandResult.Refused(null, _store.CannotSave(ex));
        }

        ControllerMetrics.StateSave.Record(ControllerMetrics.Since(saveStart));
        if (newSchedule is not null)
        {
            PublishSchedule();
            _auditor.Record(DoorAudit.ScheduleAccepted(by, now, Zone), deferWrite: true);
        }

        if (overrideChanged)
        {
            _auditor.Record(DoorAudit.OverrideSet(newOverride, by, now, Zone), deferWrite: true);
        }

        // The audit lines are part of what is acknowledged: the result waits until they are in the journal
        // (one batch, one fsync on the disk thread; relay and status went out before any of this).
        await _auditor.FlushAsync();
        return result;
    }

    private void OnButton(ButtonGesture gesture) =>
        _ = ExecuteAsync("button", ctx => DoorCommands.Button(gesture, ctx.Situation) is { } outcome ? ctx.Apply(outcome) : CommandResult.Success);

    private void Recompute(string why)
    {
        Interlocked.Increment(ref _turns);
        var now = Now();
        var synced = IsClockSynced();
        if (_lastClockSynced != synced)
        {
            Log.ClockStatus(_logger, synced ? "synchronised" : "NOT synchronised");
            _lastClockSynced = synced;
        }

        if (_override is { } stored
            && DoorAudit.OverrideCleared(stored, DoorDecision.Judge(stored, now, synced, _policy.Decision.OverrideMaximum), _policy.Decision.OverrideMaximum, now, Zone) is { } cleared)
        {
            // The decision already ignores it; clearing the file keeps restarts and the audit honest. On the
            // disk thread, never on the loop; an unwritable disk leaves the file, which the next start ignores again.
            _override = null;
            ClearStoredOverride();
            _auditor.Record(cleared, deferWrite: _inCommand);
        }

        var previous = Current;
        var state = DoorDecision.CarrySince(DoorDecision.Decide(_schedules.Current?.Evaluate(now), _override, synced, now, _policy.Decision, _schedules.Problem), previous);
        Current = state;
        _hardware.Apply(state, Zone);
        // Status first: the journal's fsync must not delay what subscribers see.
        PublishStatus(state, now);
        if (!state.SameOutputAs(previous))
        {
            Log.DoorDecided(_logger, DoorWire.Name(state.Phase), DoorWire.Name(state.Mode), DoorWire.Name(state.Reason), IsoTime.Format(state.NextChange, Zone) ?? "-", why);
            if (previous is not null)
            {
                _auditor.Record(DoorAudit.DoorChanged(state, now, Zone), deferWrite: _inCommand);
            }
        }

        ArmWake();
    }

    private void ClearStoredOverride() =>
        _disk.RunAsync(() => _store.SaveOverride(null)).ContinueWith(
            t => Log.StateProblem(_logger, $"could not remove the stored override ({t.Exception!.GetBaseException().Message}); it is ignored at the next start"),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);

    private void PublishStatus(DoorState state, Instant now)
    {
        var status = StatusMessages.From(state, _hardware.Relay.IsOn, Zone, now);
        // Republish only when something other than updatedAt changed, so the periodic check does not spam subscribers.
        if (StatusMessages.SameContent(status, _lastStatus))
        {
            return;
        }

        _lastStatus = status;
        _outbox.SetRetained(_topics.Topics.Status, JsonSerializer.SerializeToUtf8Bytes(status, MqttJsonContext.Wire.StatusMessage));
    }

    private void PublishSchedule()
    {
        if (_schedules.Current is { } schedule)
        {
            _outbox.SetRetained(_topics.Topics.Schedule, Encoding.UTF8.GetBytes(schedule.Json));
        }
    }

    private void ArmWake()
    {
        if (_wakeTimer is null || Current?.WakeAt is not { } wake)
        {
            _wakeTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var due = (wake - Now()).ToTimeSpan();
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerDue ? MaxTimerDue : due;
        _wakeTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private bool IsClockSynced()
    {
        try
        {
            return _clock.IsSynchronized();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private Instant Now() => Instant.FromDateTimeOffset(_time.GetUtcNow());
}
