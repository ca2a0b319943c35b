using System.Device.Gpio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Clock;
using MppSignage.Controller.Door;
using MppSignage.Controller.Gpio;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;

namespace MppSignage.SystemTests.Support;

/// <summary>
/// The real controller host in this process, with only the hardware and time edges replaced: a
/// <see cref="SimulatedGpioDriver"/> (records each relay write with its time), a chosen TimeProvider and a
/// settable clock status. The broker is the embedded one or an external Mosquitto, as configured.
/// </summary>
internal sealed class InProcessController : IAsyncDisposable
{
    public const int RelayPin = 17;

    private readonly bool _ownsStateDirectory;

    private InProcessController(IHost host, SimulatedGpioDriver driver, SettableClockSync clock, LogSink logs, string stateDirectory, bool ownsStateDirectory)
    {
        _ownsStateDirectory = ownsStateDirectory;
        Host = host;
        Driver = driver;
        Clock = clock;
        Logs = logs;
        StateDirectory = stateDirectory;
    }

    public IHost Host { get; }

    public SimulatedGpioDriver Driver { get; }

    public SettableClockSync Clock { get; }

    public LogSink Logs { get; }

    public string StateDirectory { get; }

    public DoorLoop Loop => Host.Services.GetRequiredService<DoorLoop>();

    public ControllerMqttClient Client => Host.Services.GetRequiredService<ControllerMqttClient>();

    /// <summary>The relay as the pin says (active-low, the default wiring).</summary>
    public bool RelayOn => Driver.Level(RelayPin) == PinValue.Low;

    /// <summary>Every relay write: time (the controller's clock) and on/off.</summary>
    public IReadOnlyList<(DateTimeOffset At, bool On)> RelayWrites =>
        [.. Driver.WritesTo(RelayPin).Select(w => (w.At, w.Value == PinValue.Low))];

    /// <summary>Args for the embedded broker on <paramref name="port"/> with the test users.</summary>
    public static IEnumerable<string> EmbeddedArgs(int port) =>
        [$"--Mqtt:Broker=embedded", $"--Mqtt:Port={port}", "--Mqtt:BindAddress=127.0.0.1", .. TestUsers.EmbeddedUserArgs];

    /// <summary>Args for an external broker on <paramref name="port"/> as user <c>controller</c>.</summary>
    public static IEnumerable<string> ExternalArgs(int port, string user = "controller", string? password = null) =>
        ["--Mqtt:Broker=external", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={port}", $"--Mqtt:Username={user}", $"--Mqtt:Password={password ?? TestUsers.Password(user)}"];

    public static async Task<InProcessController> StartAsync(
        TimeProvider time,
        IEnumerable<string> brokerArgs,
        string site = "probolinggo",
        string? stateDirectory = null,
        string? scheduleFile = null,
        IEnumerable<string>? extraArgs = null,
        bool synced = true,
        bool waitConnected = true,
        int logCapacity = 5000)
    {
        var driver = new SimulatedGpioDriver(time);
        var clock = new SettableClockSync { Synced = synced };
        var logs = new LogSink(logCapacity);
        var dir = stateDirectory ?? TempDir.Create("ctl-state");
        var args = new List<string>
        {
            $"--Site:Id={site}",
            $"--State:Directory={dir}",
            $"--Schedule:File={scheduleFile ?? RepoPaths.DefaultSchedule}",
            "--Gpio:Driver=simulated",
            "--Gpio:Lcd:Enabled=false",
            "--Mqtt:ReconnectMinSeconds=0.5",
            "--Mqtt:ReconnectMaxSeconds=2",
        };
        args.AddRange(brokerArgs);
        args.AddRange(extraArgs ?? []);
        var host = ControllerHost.Build([.. args], b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
            b.Services.AddSingleton(time);
            b.Services.AddSingleton<GpioDriver>(driver);
            b.Services.AddSingleton<IClockSync>(clock);
        });
        var controller = new InProcessController(host, driver, clock, logs, dir, ownsStateDirectory: stateDirectory is null);
        await host.StartAsync();
        if (waitConnected)
        {
            await controller.WaitConnectedAsync(TimeSpan.FromSeconds(20));
        }

        return controller;
    }

    public async Task WaitConnectedAsync(TimeSpan timeout)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (!Client.IsConnected)
        {
            if (sw.Elapsed > timeout)
            {
                throw new TimeoutException("the controller did not connect to its broker:\n" + Logs.Tail());
            }

            await Task.Delay(20);
        }
    }

    private int _disposed;

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
        catch (OperationCanceledException)
        {
            // A stop that outlives the timeout still ends with Dispose below.
        }

        Host.Dispose();
        if (_ownsStateDirectory)
        {
            TempDir.TryDelete(StateDirectory);
        }
    }
}
