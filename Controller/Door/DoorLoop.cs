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
/// (purely, with <see cref="DoorDecision"/>) at start, at every next change, on a periodic check, on every
/// command and button press, and applies the result to relay, lamps, LCD and the status topic. Because
/// each decision uses only the current instant, a missed or late timer can delay a change by at most
/// one check interval, never make it wrong.
/// </summary>
internal sealed class DoorLoop : BackgroundService
{
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromHours(6);

    private readonly DoorHardware _hardware;
    private readonly StateStore _store;
    private readonly ScheduleProvider _schedules;
    private readonly IClockSync _clock;
    private readonly TimeProvider _time;
    private readonly ControllerOutbox _outbox;
    private readonly TopicsProvider _topics;
    private readonly Auditor _auditor;
    private readonly ILogger<DoorLoop> _logger;
    private readonly DoorOptions _door;
    private readonly DoorDecisionOptions _decision;
    private readonly Duration _overrideMax;
    private readonly Duration _defaultOpenOverride;
    private readonly DateTimeZone _fallbackZone;
    // Command state is saved on its own thread: the loop awaits it without holding a thread-pool thread.
    private readonly DiskThread _disk = new("mpp-state");
    private readonly Channel<Func<ValueTask>> _work = Channel.CreateUnbounded<Func<ValueTask>>(new UnboundedChannelOptions { SingleReader = true });
    private ITimer? _wakeTimer;
    private ITimer? _periodicTimer;
    private int _recomputePending;
    private OverrideState? _override;
    private bool? _lastClockSynced;
    private string? _lastStatusKey;

    public DoorLoop(
        DoorHardware hardware,
        StateStore store,
        ScheduleProvider schedules,
        IClockSync clock,
        TimeProvider time,
        ControllerOutbox outbox,
        TopicsProvider topics,
        Auditor auditor,
        IOptions<DoorOptions> door,
        IOptions<ClockOptions> clockOptions,
        IOptions<GpioOptions> gpio,
        IOptions<SiteOptions> site,
        ILogger<DoorLoop> logger)
    {
        _hardware = hardware;
        _store = store;
        _schedules = schedules;
        _clock = clock;
        _time = time;
        _outbox = outbox;
        _topics = topics;
        _auditor = auditor;
        _logger = logger;
        _door = door.Value;
        _decision = new DoorDecisionOptions(
            Duration.FromMinutes(_door.ClosingSoonMinutes),
            ControllerOptionsRules.ParsePolicy(clockOptions.Value.UnsynchronizedPolicy) ?? UnsynchronizedClockPolicy.Closed,
            gpio.Value.Relay.ScheduleUnavailableState == "on");
        _overrideMax = Duration.FromMilliseconds(_door.OverrideMaxHours * 3_600_000);
        _defaultOpenOverride = Duration.FromMinutes(_door.DefaultOpenOverrideMinutes);
        _fallbackZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(site.Value.TimeZone) ?? DateTimeZone.Utc;
        if (hardware.Button is { } button)
        {
            button.Pressed += OnButton;
        }
    }

    /// <summary>The last decision.</summary>
    public DoorState? Current { get; private set; }

    /// <summary>The zone of the schedule in force (or the site's fallback).</summary>
    public DateTimeZone Zone => _schedules.Current?.Zone ?? _fallbackZone;

    /// <summary><see cref="Environment.TickCount64"/> of the last loop turn (for the systemd watchdog).</summary>
    public long LastActivity { get; private set; } = Environment.TickCount64;

    /// <summary>Raised inside the loop after every decision that was applied.</summary>
    public event Action<DoorState>? Decided;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Load state and decide before anything else starts, so the relay leaves its start-up safe state
        // as soon as the schedule says so, whether or not a broker is reachable.
        foreach (var leftover in _store.Prepare())
        {
            Log.StateProblem(_logger, $"removed {leftover} left by an interrupted write (the previous content is intact)");
        }

        var loaded = _store.LoadOverride();
        if (loaded.Problem is not null)
        {
            Log.StateProblem(_logger, loaded.Problem);
        }

        _override = loaded.Value;
        _schedules.Load();
        PublishSchedule();
        Recompute("start");
        var interval = TimeSpan.FromSeconds(_door.CheckIntervalSeconds);
        _periodicTimer = _time.CreateTimer(_ => RequestRecompute(), null, interval, interval);
        _wakeTimer = _time.CreateTimer(_ => RequestRecompute(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        ArmWake();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _periodicTimer?.Dispose();
        _wakeTimer?.Dispose();
        _work.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        _hardware.Shutdown();
    }

    public override void Dispose()
    {
        _disk.Dispose();
        base.Dispose();
    }

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

    /// <summary>Completes when everything queued before the call has run (tests).</summary>
    public Task DrainAsync()
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

        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in _work.Reader.ReadAllAsync(stoppingToken))
            {
                LastActivity = Environment.TickCount64;
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

    private async Task<CommandResult> RunCommandAsync(string by, Func<DoorContext, CommandResult> command)
    {
        var now = Now();
        var schedule = _schedules.Current;
        var context = new DoorContext
        {
            Now = now,
            Schedule = schedule,
            Evaluation = schedule?.Evaluate(now),
            Current = Current,
            Override = _override is { } o && o.IsActiveAt(now) ? o : null,
            ClockSynced = IsClockSynced(),
            DecisionOptions = _decision,
            OverridePolicy = new OverridePolicy(_overrideMax, _defaultOpenOverride, Zone),
            Zone = Zone,
        };
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
        if (context.NewSchedule is { } newSchedule)
        {
            _schedules.Accept(newSchedule);
        }

        if (context.OverrideChanged)
        {
            _override = context.NewOverride;
        }

        Recompute("command");
        var saveStart = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // The loop takes no other work until the state is durable (so an undo never races a later
            // command), but it awaits the disk thread instead of blocking a thread-pool thread: the status
            // just handed to the outbox is published by a pool thread meanwhile.
            var scheduleToSave = context.NewSchedule;
            var overrideChanged = context.OverrideChanged;
            var newOverride = context.NewOverride;
            await _disk.RunAsync(() =>
            {
                if (scheduleToSave is not null)
                {
                    _store.SaveSchedule(scheduleToSave.Json);
                }

                if (overrideChanged)
                {
                    _store.SaveOverride(newOverride);
                }
            });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (context.NewSchedule is not null)
            {
                _schedules.Restore(previousSchedule);
            }

            _override = previousOverride;
            Recompute("command undone");
            Log.StateProblem(_logger, $"could not save the command's state ({ex.Message}); undone");
            return CommandResult.Refused(null, $"the controller could not save the change ({ex.Message}); nothing changed");
        }

        ControllerMetrics.StateSave.Record(ControllerMetrics.Since(saveStart));

        if (context.NewSchedule is not null)
        {
            PublishSchedule();
            _auditor.Record(new EventMessage { Type = "schedule", At = IsoTime.Format(now, Zone), By = by, Detail = "accepted and in force" });
        }

        if (context.OverrideChanged)
        {
            var set = context.NewOverride;
            _auditor.Record(new EventMessage
            {
                Type = "override",
                At = IsoTime.Format(now, Zone),
                By = by,
                State = set is null ? "auto" : DoorWire.OpenClosed(set.Open),
                Until = set is null ? null : IsoTime.Format(set.Until, Zone),
                Reason = set?.Reason,
            });
        }

        // The audit line is part of what is acknowledged: the result waits until it is in the journal
        // (its fsync runs on the journal's own thread; relay and status went out before any of this).
        await _auditor.FlushAsync();
        return result;
    }

    private void OnButton(ButtonGesture gesture)
    {
        _ = ExecuteAsync("button", ctx =>
        {
            OverrideOutcome outcome;
            if (gesture == ButtonGesture.LongPress)
            {
                if (ctx.Override is null)
                {
                    return CommandResult.Success;
                }

                outcome = new OverrideOutcome(CommandResult.Success, null);
            }
            else
            {
                var autoOpen = DoorDecision.Decide(ctx.Evaluation, null, ctx.ClockSynced, ctx.Now, ctx.DecisionOptions, _schedules.Problem).Open;
                outcome = OverrideRules.Toggle(ctx.Current?.Open ?? false, autoOpen, ctx.Now, ctx.Evaluation, ctx.OverridePolicy);
            }

            if (outcome.Result.Ok)
            {
                ctx.SetOverride(outcome.Override);
            }

            return outcome.Result;
        });
    }

    private void Recompute(string why)
    {
        LastActivity = Environment.TickCount64;
        var now = Now();
        var synced = IsClockSynced();
        if (_lastClockSynced != synced)
        {
            Log.ClockStatus(_logger, synced ? "synchronised" : "NOT synchronised");
            _lastClockSynced = synced;
        }

        if (_override is { } stored && !stored.IsActiveAt(now))
        {
            // Expiry is already part of the decision; clearing the file keeps restarts and the audit honest.
            _override = null;
            _store.SaveOverride(null);
            _auditor.Record(new EventMessage { Type = "override", At = IsoTime.Format(now, Zone), By = "controller", State = "auto", Detail = $"expired at {IsoTime.Format(stored.Until, Zone)}" });
        }

        var schedule = _schedules.Current;
        var evaluation = schedule?.Evaluate(now);
        var previous = Current;
        var state = DoorDecision.CarrySince(DoorDecision.Decide(evaluation, _override, synced, now, _decision, _schedules.Problem), previous);
        Current = state;
        _hardware.Apply(state, Zone);
        // Status first: the journal's fsync must not delay what subscribers see.
        PublishStatus(state, now);
        if (!state.SameOutputAs(previous))
        {
            Log.DoorDecided(_logger, DoorWire.Name(state.Phase), DoorWire.Name(state.Mode), DoorWire.Name(state.Reason), IsoTime.Format(state.NextChange, Zone) ?? "-", why);
            if (previous is not null)
            {
                _auditor.Record(new EventMessage { Type = "door", At = IsoTime.Format(now, Zone), By = "controller", State = DoorWire.OpenClosed(state.Open), Reason = DoorWire.Name(state.Reason), Detail = DoorWire.Name(state.Phase) });
            }
        }

        ArmWake();
        Decided?.Invoke(state);
    }

    private void PublishStatus(DoorState state, Instant now)
    {
        var status = StatusMessages.From(state, _hardware.Relay.IsOn, Zone, now);
        // Republish only when something other than updatedAt changed, so the periodic check does not spam subscribers.
        var key = JsonSerializer.Serialize(status with { UpdatedAt = "" }, MqttJsonContext.Wire.StatusMessage);
        if (key == _lastStatusKey)
        {
            return;
        }

        _lastStatusKey = key;
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
