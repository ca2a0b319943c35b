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
using NodaTime;

namespace MppSignage.Controller.Tests.Support;

/// <summary>
/// The real controller host (embedded broker on a free loopback port, real state files) with the hardware
/// and time edges faked: FakeTimeProvider, SimulatedGpioDriver, a settable clock status.
/// </summary>
internal sealed class ControllerTestHost : IAsyncDisposable
{
    public const string Site = "probolinggo";
    public const int RelayPin = 17;
    public const int ButtonPin = 27;
    public const int SoonPin = 24;

    private ControllerTestHost(IHost host, FakeTimeProvider time, SimulatedGpioDriver driver, TestClockSync clock, LogCollector logs, int port, string stateDirectory)
    {
        Host = host;
        Time = time;
        Driver = driver;
        Clock = clock;
        Logs = logs;
        Port = port;
        StateDirectory = stateDirectory;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public SimulatedGpioDriver Driver { get; }

    public TestClockSync Clock { get; }

    public LogCollector Logs { get; }

    public int Port { get; }

    public string StateDirectory { get; }

    public DoorLoop Loop => Host.Services.GetRequiredService<DoorLoop>();

    public DoorHardware Hardware => Host.Services.GetRequiredService<DoorHardware>();

    public StateStore Store => Host.Services.GetRequiredService<StateStore>();

    public ControllerOutbox Outbox => Host.Services.GetRequiredService<ControllerOutbox>();

    /// <summary>Relay on, read from the pin level (active-low).</summary>
    public bool RelayOn => Driver.Level(RelayPin) == PinValue.Low;

    /// <summary>The journal, after every entry recorded so far has been written.</summary>
    public async Task<IReadOnlyList<MppSignage.Shared.Mqtt.EventMessage>> JournalAsync()
    {
        await Host.Services.GetRequiredService<MppSignage.Controller.Door.Auditor>().FlushAsync();
        return Store.ReadJournal();
    }

    /// <summary>The retained status the controller wants on the broker now.</summary>
    public MppSignage.Shared.Mqtt.StatusMessage Status() =>
        System.Text.Json.JsonSerializer.Deserialize(Outbox.GetRetained($"mpp/{Site}/status")!, MppSignage.Shared.Mqtt.MqttJsonContext.Wire.StatusMessage)!;

    public Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());

    public static async Task<ControllerTestHost> StartAsync(
        Instant start,
        string? stateDirectory = null,
        IEnumerable<string>? extraArgs = null,
        string? scheduleFile = null,
        bool synced = true,
        int? port = null,
        bool waitForMqtt = true)
    {
        var time = new FakeTimeProvider(start.ToDateTimeOffset());
        var driver = new SimulatedGpioDriver(time);
        var clock = new TestClockSync { Synced = synced };
        var logs = new LogCollector();
        var p = port ?? TestPaths.FreePort();
        var dir = stateDirectory ?? TestPaths.NewTempDirectory();
        var args = new List<string>
        {
            $"--Site:Id={Site}",
            $"--Mqtt:Port={p}",
            "--Mqtt:BindAddress=127.0.0.1",
            $"--State:Directory={dir}",
            $"--Schedule:File={scheduleFile ?? TestPaths.DefaultSchedule}",
            "--Gpio:Driver=simulated",
            "--Gpio:Lcd:Enabled=true",
            "--Logging:LogLevel:Default=Information",
        };
        args.AddRange(TestUsers.ConfigArgs);
        args.AddRange(extraArgs ?? []);
        var host = ControllerHost.Build([.. args], b =>
        {
            b.Logging.ClearProviders();
            b.Logging.AddProvider(logs);
            b.Services.AddSingleton<TimeProvider>(time);
            b.Services.AddSingleton<GpioDriver>(driver);
            b.Services.AddSingleton<IClockSync>(clock);
        });
        var testHost = new ControllerTestHost(host, time, driver, clock, logs, p, dir);
        await host.StartAsync();
        // Started means the start-up decision's disk work (clearing an expired override) is done too.
        await testHost.Loop.DrainAsync();
        if (waitForMqtt)
        {
            await testHost.WaitForMqttAsync();
        }

        return testHost;
    }

    /// <summary>Waits until the controller's client is connected (it connects on a real socket).</summary>
    public async Task WaitForMqttAsync()
    {
        var client = Host.Services.GetRequiredService<ControllerMqttClient>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!client.IsConnected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the controller did not connect to its embedded broker: " + string.Join("\n", Logs.Messages()));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Moves the fake clock to <paramref name="to"/> (timers fire on the way) and waits until the loop has handled it.</summary>
    public async Task AdvanceToAsync(Instant to)
    {
        Time.SetUtcNow(to.ToDateTimeOffset());
        await Loop.DrainAsync();
        await Loop.DrainAsync();
    }

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Now + Duration.FromTimeSpan(by));

    public async Task StopAsync()
    {
        await Host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(TimeSpan.FromSeconds(5));
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by the test.
        }

        Host.Dispose();
    }
}
