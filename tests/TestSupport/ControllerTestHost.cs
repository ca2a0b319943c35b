using System.Device.Gpio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MppSignage.Controller.Clock;
using MppSignage.Controller.Door;
using MppSignage.Controller.Gpio;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.State;
using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.TestSupport;

/// <summary>
/// The real controller host in the test's process (real broker, real state files) with only the hardware and
/// time edges replaced: a <see cref="SimulatedGpioDriver"/> (records each pin write with its time), a chosen
/// <see cref="TimeProvider"/> and a settable clock status. The broker is the embedded one on a free loopback
/// port, or an external one (Mosquitto) as the broker arguments say.
/// </summary>
internal sealed class ControllerTestHost : IAsyncDisposable
{
    public const string Site = "probolinggo";
    public const int RelayPin = 17;
    public const int ButtonPin = 27;
    public const int SoonPin = 24;

    private readonly bool _ownsStateDirectory;
    private int _disposed;

    private ControllerTestHost(IHost host, TimeProvider time, SimulatedGpioDriver driver, TestClockSync clock, LogCollector logs, int port, string stateDirectory, bool ownsStateDirectory)
    {
        Host = host;
        TimeProvider = time;
        Driver = driver;
        Clock = clock;
        Logs = logs;
        Port = port;
        StateDirectory = stateDirectory;
        _ownsStateDirectory = ownsStateDirectory;
    }

    public IHost Host { get; }

    /// <summary>The controller's time.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The controller's time when the test drives it (started with an <see cref="Instant"/>).</summary>
    public FakeTimeProvider Time => TimeProvider as FakeTimeProvider
        ?? throw new InvalidOperationException("This controller runs on a real TimeProvider; start it with an Instant to drive its clock.");

    public SimulatedGpioDriver Driver { get; }

    public TestClockSync Clock { get; }

    /// <summary>Every log line of the host; an unexpected error fails the test when the host is disposed.</summary>
    public LogCollector Logs { get; }

    /// <summary>The broker port (embedded or external).</summary>
    public int Port { get; }

    public string StateDirectory { get; }

    public DoorLoop Loop => Host.Services.GetRequiredService<DoorLoop>();

    public DoorHardware Hardware => Host.Services.GetRequiredService<DoorHardware>();

    public StateStore Store => Host.Services.GetRequiredService<StateStore>();

    public ControllerOutbox Outbox => Host.Services.GetRequiredService<ControllerOutbox>();

    public ControllerMqttClient Client => Host.Services.GetRequiredService<ControllerMqttClient>();

    /// <summary>The controller's kept posters.</summary>
    public Controller.Assets.AssetStore Assets => Host.Services.GetRequiredService<Controller.Assets.AssetStore>();

    /// <summary>The relay as the pin says (active-low, the default wiring).</summary>
    public bool RelayOn => Driver.Level(RelayPin) == PinValue.Low;

    /// <summary>Every relay write: time (the controller's clock) and on/off.</summary>
    public IReadOnlyList<(DateTimeOffset At, bool On)> RelayWrites =>
        [.. Driver.WritesTo(RelayPin).Select(w => (w.At, w.Value == PinValue.Low))];

    public Instant Now => Instant.FromDateTimeOffset(TimeProvider.GetUtcNow());

    /// <summary>Args for the embedded broker on <paramref name="port"/> with the <see cref="TestUsers"/>.</summary>
    public static IEnumerable<string> EmbeddedArgs(int port) =>
        ["--Mqtt:Broker=embedded", $"--Mqtt:Port={port}", "--Mqtt:BindAddress=127.0.0.1", .. TestUsers.EmbeddedUserArgs];

    /// <summary>Args for an external broker on <paramref name="port"/> as user <c>controller</c>.</summary>
    public static IEnumerable<string> ExternalArgs(int port, string user = "controller", string? password = null) =>
        ["--Mqtt:Broker=external", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={port}", $"--Mqtt:Username={user}", $"--Mqtt:Password={password ?? TestUsers.Password(user)}"];

    /// <summary>
    /// Starts a controller whose clock the test drives (a <see cref="FakeTimeProvider"/> at <paramref name="start"/>),
    /// with its embedded broker on a free port (or <paramref name="port"/>), the LCD on, and reconnects timed by that clock.
    /// </summary>
    public static Task<ControllerTestHost> StartAsync(
        Instant start,
        string? stateDirectory = null,
        IEnumerable<string>? extraArgs = null,
        string? scheduleFile = null,
        bool synced = true,
        int? port = null,
        bool waitForMqtt = true)
    {
        var p = port ?? FreePort.Next();
        return StartCoreAsync(
            new FakeTimeProvider(start.ToDateTimeOffset()),
            p,
            [.. EmbeddedArgs(p), "--Gpio:Lcd:Enabled=true", .. extraArgs ?? []],
            Site,
            stateDirectory,
            scheduleFile,
            synced,
            waitForMqtt,
            LogCollector.DefaultCapacity);
    }

    /// <summary>
    /// Starts a controller on <paramref name="time"/> (real or shifted time for the system tests) against the broker
    /// <paramref name="brokerArgs"/> name (<see cref="EmbeddedArgs"/> or <see cref="ExternalArgs"/>), LCD off,
    /// reconnecting every 0.5–2 s.
    /// </summary>
    public static Task<ControllerTestHost> StartAsync(
        TimeProvider time,
        IEnumerable<string> brokerArgs,
        string site = Site,
        string? stateDirectory = null,
        string? scheduleFile = null,
        IEnumerable<string>? extraArgs = null,
        bool synced = true,
        bool waitConnected = true,
        int logCapacity = LogCollector.DefaultCapacity)
    {
        string[] broker = [.. brokerArgs];
        return StartCoreAsync(
            time,
            PortOf(broker),
            ["--Gpio:Lcd:Enabled=false", "--Mqtt:ReconnectMinSeconds=0.5", "--Mqtt:ReconnectMaxSeconds=2", .. broker, .. extraArgs ?? []],
            site,
            stateDirectory,
            scheduleFile,
            synced,
            waitConnected,
            logCapacity);
    }

    private static async Task<ControllerTestHost> StartCoreAsync(
        TimeProvider time,
        int port,
        IEnumerable<string> moreArgs,
        string site,
        string? stateDirectory,
        string? scheduleFile,
        bool synced,
        bool waitConnected,
        int logCapacity)
    {
        var driver = new SimulatedGpioDriver(time);
        var clock = new TestClockSync { Synced = synced };
        var logs = new LogCollector(logCapacity);
        var dir = stateDirectory ?? TempDir.Create("ctl-state");
        string[] args =
        [
            $"--Site:Id={site}",
            $"--State:Directory={dir}",
            $"--Schedule:File={scheduleFile ?? RepoPaths.DefaultSchedule}",
            "--Gpio:Driver=simulated",
            "--Logging:LogLevel:Default=Information",
            .. moreArgs,
        ];
        var host = ControllerHost.Build(args, b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
            b.Services.AddSingleton(time);
            b.Services.AddSingleton<GpioDriver>(driver);
            b.Services.AddSingleton<IClockSync>(clock);
        });
        var controller = new ControllerTestHost(host, time, driver, clock, logs, port, dir, ownsStateDirectory: stateDirectory is null);
        await host.StartAsync();

        // Started means the start-up decision's disk work (clearing an expired override) is done too.
        await controller.Loop.DrainAsync();
        if (waitConnected)
        {
            await controller.WaitForMqttAsync();
        }

        return controller;
    }

    /// <summary>Waits until the controller's client is connected to its broker (it connects on a real socket).</summary>
    public Task WaitForMqttAsync(TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => Client.IsConnected, "the controller to connect to its broker", timeout ?? TimeSpan.FromSeconds(20), () => Logs.Tail());

    /// <summary>Moves the fake clock to <paramref name="to"/> (timers fire on the way) and waits until the loop has handled it.</summary>
    public async Task AdvanceToAsync(Instant to)
    {
        Time.SetUtcNow(to.ToDateTimeOffset());
        await Loop.DrainAsync();
        await Loop.DrainAsync();
    }

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Now + Duration.FromTimeSpan(by));

    /// <summary>The journal, after every entry recorded so far has been written.</summary>
    public async Task<IReadOnlyList<EventMessage>> JournalAsync()
    {
        await Host.Services.GetRequiredService<Auditor>().FlushAsync();
        return Store.ReadJournal();
    }

    /// <summary>The retained status the controller wants on the broker now.</summary>
    public StatusMessage Status() =>
        System.Text.Json.JsonSerializer.Deserialize(Outbox.GetRetained($"mpp/{Site}/status")!, MqttJsonContext.Wire.StatusMessage)!;

    public Task StopAsync() => Host.StopAsync();

    /// <summary>Stops the host, removes a state directory it created, and fails the test on an error nobody expected.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await Host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // A stop that outlives the timeout, or a host the test already stopped, still ends with Dispose below.
        }

        Host.Dispose();
        if (_ownsStateDirectory)
        {
            TempDir.TryDelete(StateDirectory);
        }

        Logs.AssertNoUnexpectedErrors();
    }

    private static int PortOf(string[] brokerArgs)
    {
        const string Prefix = "--Mqtt:Port=";
        var arg = brokerArgs.LastOrDefault(a => a.StartsWith(Prefix, StringComparison.Ordinal))
            ?? throw new ArgumentException("The broker arguments name no --Mqtt:Port.", nameof(brokerArgs));
        return int.Parse(arg[Prefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
