using System.Net;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.Panel.Tests.Support;

/// <summary>
/// A whole local site as <c>scripts/run-local.sh</c> starts it: the real controller process (embedded
/// broker, simulated GPIO, development users), one real screen renderer process and the real panel
/// process, on free loopback ports. Shared by every test of the "site" collection. Each panel session is one
/// broker connection of its user, and the tests open dozens of sessions: the per-user connection quota is raised.
/// </summary>
public class Site : IAsyncLifetime
{
    /// <summary>The development logins (Controller/appsettings.Development.json).</summary>
    public const string StaffUser = "staff", StaffPassword = "staff-dev", AdminUser = "admin", AdminPassword = "admin-dev";

    /// <summary>The screen id of the renderer.</summary>
    public const string ScreenId = "pintu-utama";

    private readonly List<ChildProcess> _panels = [];

    /// <summary>Broker port.</summary>
    public int MqttPort { get; } = FreePort.Next();

    /// <summary>The panel's base URL.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The controller process (its output carries the simulated relay lines).</summary>
    internal ChildProcess Controller { get; private set; } = null!;

    /// <summary>The screen process.</summary>
    internal ChildProcess Screen { get; private set; } = null!;

    /// <summary>The panel process.</summary>
    internal ChildProcess Panel { get; private set; } = null!;

    /// <summary>The controller's state directory (journal).</summary>
    public string StateDirectory { get; } = TempDir.Create("panel-state");

    /// <summary>Where the screen writes its frames.</summary>
    public string FramePath => Path.Combine(StateDirectory, "frame.png");

    /// <summary>The controller's site id (Controller/appsettings.json).</summary>
    public const string SiteId = "probolinggo";

    /// <summary>False for a site with no screen process (nothing online to draw a preview).</summary>
    protected virtual bool StartsScreen => true;

    /// <summary>The controller's per-user broker connection limit (each panel session holds one connection).</summary>
    protected virtual int MaxConnectionsPerUser => 64;

    /// <summary>
    /// The announcements in the controller's retained list, read from the broker as the admin (not through the
    /// panel), parsed with the format's own reader.
    /// </summary>
    public async Task<IReadOnlyList<Announcement>> RetainedAnnouncementsAsync()
    {
        await using var admin = await MqttTestClient.ConnectAsync(MqttPort, AdminUser, AdminPassword);
        var topic = new Topics(SiteId).Announcements;
        await admin.SubscribeAsync(topic);
        var message = await admin.WaitForAsync(topic);
        var list = AnnouncementJson.ParseList(message.Payload);
        Assert.Empty(list.Problems);
        return list.Items;
    }

    /// <summary>The controller's retained asset <paramref name="sha256"/> (the processed poster), read from the broker as a screen.</summary>
    public async Task<byte[]> RetainedAssetAsync(string sha256)
    {
        await using var screen = await MqttTestClient.ConnectAsync(MqttPort, "screen", "screen-dev");
        var topic = new Topics(SiteId).Asset(sha256);
        await screen.SubscribeAsync(topic);
        return (await screen.WaitForAsync(topic)).Payload;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var dev = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" };
        Controller = ChildProcess.Start("dotnet", [Dll("Controller", "mpp-controller"), "run", $"--Mqtt:Port={MqttPort}", $"--State:Directory={StateDirectory}", $"--Schedule:File={RepoPaths.DefaultSchedule}", "--Gpio:Lcd:Enabled=false", $"--Mqtt:MaxConnectionsPerUser={MaxConnectionsPerUser}"], dev, RepoPaths.Root);
        await Controller.WaitForLineAsync(l => l.Contains("MQTT connected", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "MQTT connection");
        if (!StartsScreen)
        {
            (Panel, Url) = await StartPanelAsync();
            return;
        }

        Screen = ChildProcess.Start("dotnet", [Dll("SignageRenderer", "mpp-signage"), $"--Mqtt:Port={MqttPort}", "--Mqtt:Username=screen", "--Mqtt:Password=screen-dev", "--Display:Output=png", $"--Display:PngPath={FramePath}", $"--Posters:CacheDirectory={Path.Combine(Path.GetDirectoryName(FramePath)!, "posters")}", $"--Screen:Id={ScreenId}", "--Logging:LogLevel:MppSignage.SignageRenderer.Service.RenderService=Debug"], dev, RepoPaths.Root);
        await Screen.WaitForLineAsync(l => l.Contains("MQTT connected", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "broker connection");
        (Panel, Url) = await StartPanelAsync();
    }

    /// <summary>Starts (another) panel process; extra arguments override its configuration.</summary>
    internal async Task<(ChildProcess Process, string Url)> StartPanelAsync(params string[] extra)
    {
        var port = FreePort.Next();
        var url = $"http://127.0.0.1:{port}";
        var panel = ChildProcess.Start("dotnet", [Dll("Panel", "mpp-panel"), $"--Panel:MqttPort={MqttPort}", $"--Panel:Listen={url}", .. extra], new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" }, RepoPaths.Root);
        _panels.Add(panel);
        await panel.WaitForLineAsync(l => l.Contains("Panel listening", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "listening line");
        return (panel, url);
    }

    /// <summary>A cookie-keeping HTTP client for the panel that does not follow redirects.</summary>
    public HttpClient Client(string? url = null) => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = new Uri(url ?? Url),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var p in _panels)
        {
            await p.DisposeAsync();
        }

        if (Screen is not null)
        {
            await Screen.DisposeAsync();
        }

        await Controller.DisposeAsync();
        TempDir.TryDelete(StateDirectory);
    }

    private static string Dll(string project, string name)
    {
        foreach (var configuration in new[] { RepoPaths.Configuration, RepoPaths.Configuration == "Release" ? "Debug" : "Release" })
        {
            var path = Path.Combine(RepoPaths.Root, project, "bin", configuration, "net10.0", name + ".dll");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"{name} is not built: run `dotnet build {project} -c Release`.");
    }
}

/// <summary>A site with the controller and the panel but no screen process: no screen is online.</summary>
public sealed class ScreenlessSite : Site
{
    /// <inheritdoc />
    protected override bool StartsScreen => false;
}

/// <summary>A screenless site whose broker lets each user hold a single connection: one panel session per user.</summary>
public sealed class OneConnectionSite : Site
{
    /// <inheritdoc />
    protected override bool StartsScreen => false;

    /// <inheritdoc />
    protected override int MaxConnectionsPerUser => 1;
}

/// <summary>The tests that share one <see cref="OneConnectionSite"/>.</summary>
[CollectionDefinition("one-connection")]
public sealed class OneConnectionCollection : ICollectionFixture<OneConnectionSite>;

/// <summary>The tests that share one <see cref="ScreenlessSite"/>.</summary>
[CollectionDefinition("screenless")]
public sealed class ScreenlessCollection : ICollectionFixture<ScreenlessSite>;

/// <summary>The tests that share one <see cref="Site"/>.</summary>
[CollectionDefinition("site")]
public sealed class SiteCollection : ICollectionFixture<Site>, ICollectionFixture<Chromium>;
