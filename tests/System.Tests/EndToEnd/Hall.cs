using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.EndToEnd;

/// <summary>
/// A whole hall as separate processes on one Mosquitto: mpp-controller and two mpp-signage screens, all
/// built executables from their bin folders, connected with Mqtt:Broker=external and their role's user.
/// </summary>
internal sealed class Hall : IAsyncDisposable
{
    public const string Site = "probolinggo";
    public static readonly string[] Screens = ["pintu-utama", "lobby"];

    private Hall(MosquittoBroker broker, ChildProcess controller, IReadOnlyList<ChildProcess> screens, string directory)
    {
        Broker = broker;
        Controller = controller;
        ScreenProcesses = screens;
        Directory = directory;
    }

    public MosquittoBroker Broker { get; }

    public ChildProcess Controller { get; }

    public IReadOnlyList<ChildProcess> ScreenProcesses { get; }

    public string Directory { get; }

    public string FramePath(string screen) => Path.Combine(Directory, $"frame-{screen}.png");

    public static async Task<Hall> StartAsync()
    {
        // Each screen is its own user (issue 10: a screen publishes only as its own id): the shipped ACL has
        // screen pintu-utama's, and lobby's block is appended as install.sh does.
        var shippedAcl = await File.ReadAllTextAsync(Path.Combine(RepoPaths.MosquittoDirectory, "mpp-signage.acl"));
        var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, acl: shippedAcl + "\n" + TestUsers.LobbyAcl, label: "hall");
        var dir = TempDir.Create("hall");
        var controller = ChildProcess.Start(RepoPaths.ControllerExe,
        [
            "run", $"--Site:Id={Site}", "--Mqtt:Broker=external", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}",
            "--Mqtt:Username=controller", $"--Mqtt:Password={TestUsers.Password("controller")}",
            $"--State:Directory={Path.Combine(dir, "state")}", $"--Schedule:File={RepoPaths.DefaultSchedule}",
            "--Gpio:Driver=simulated", "--Gpio:Lcd:Enabled=false", "--Clock:AssumeSynchronized=true",
        ]);
        var screens = Screens.Select(screen => ChildProcess.Start(RepoPaths.SignageExe,
        [
            "run", $"--Site:Id={Site}", $"--Screen:Id={screen}", "--Mqtt:Broker=external", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={broker.Port}",
            $"--Mqtt:Username={ScreenUsers.UserOf(screen)}", $"--Mqtt:Password={TestUsers.Password(ScreenUsers.UserOf(screen))}", "--Mqtt:ReconnectMin=00:00:00.200",
            "--Display:Output=png", $"--Display:PngPath={Path.Combine(dir, $"frame-{screen}.png")}", $"--Posters:CacheDirectory={Path.Combine(dir, $"posters-{screen}")}", "--Display:Size=1280x720",
            // Slide changes are logged at Debug (issue 14); the test waits for them.
            "--Logging:LogLevel:MppSignage=Debug",
        ])).ToList();
        var hall = new Hall(broker, controller, screens, dir);
        try
        {
            await controller.WaitForLineAsync(l => l.Contains("MQTT connected", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the controller's MQTT connection");
            foreach (var screen in screens)
            {
                await screen.WaitForLineAsync(l => l.Contains("Received status", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the first status on the screen");
            }
        }
        catch
        {
            await hall.DisposeAsync();
            throw;
        }

        return hall;
    }

    /// <summary>Runs the controller executable's CLI (<c>mpp-controller VERB …</c>) as <paramref name="user"/> and returns its exit code and output.</summary>
    public async Task<(int Code, string Output)> CliAsync(string user, params string[] args)
    {
        await using var cli = ChildProcess.Start(RepoPaths.ControllerExe,
            [.. args, "--host", "127.0.0.1", "--port", $"{Broker.Port}", "--user", user, "--password", TestUsers.Password(user), "--site", Site,
             "--Mqtt:Broker=external"]);
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (code, cli.Output);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in ScreenProcesses.Append(Controller))
        {
            try
            {
                await p.StopAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                // DisposeAsync below kills it.
            }

            await p.DisposeAsync();
        }

        await Broker.DisposeAsync();
        TempDir.TryDelete(Directory);
    }
}
