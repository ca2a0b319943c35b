using System.Diagnostics;
using System.Net.Sockets;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Support;

/// <summary>
/// Mosquitto from Debian's package, started by the test on a free loopback port with the shipped
/// configuration (deploy-pi/mosquitto/mpp-signage.conf.in rendered for the test directory), a password file
/// made with <c>mosquitto_passwd</c>, and an ACL; stopped or killed by its PID. Run as root, Mosquitto drops
/// to the <c>mosquitto</c> user, so that user is given the directory and its files.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private ChildProcess? _process;
    private readonly List<string> _previousOutput = [];

    private MosquittoBroker(string directory, int port, string configPath)
    {
        Directory = directory;
        Port = port;
        ConfigPath = configPath;
    }

    public string Directory { get; }

    public int Port { get; }

    public string ConfigPath { get; }

    public int Pid => _process?.Pid ?? 0;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything Mosquitto logged, across restarts.</summary>
    public string Log => string.Join('\n', _previousOutput.Concat(_process?.Lines ?? []));

    /// <summary>
    /// Starts a broker. <paramref name="acl"/> is the ACL text (default: the shipped mpp-signage.acl);
    /// <paramref name="extraConfig"/> is appended to the rendered configuration (bridges, TLS listeners).
    /// </summary>
    public static async Task<MosquittoBroker> StartAsync(
        IEnumerable<(string User, string Password)> users,
        string? acl = null,
        string? extraConfig = null,
        string label = "mosquitto",
        Func<string, string>? transformConfig = null,
        IEnumerable<string>? extraFilesOwnedByBroker = null,
        string template = "mpp-signage.conf.in")
    {
        EnsureInstalled();
        var dir = TempDir.Create(label);
        var port = FreePort.Next();
        var passwd = Path.Combine(dir, "passwd");
        var aclPath = Path.Combine(dir, "acl");

        // mosquitto_passwd -U hashes a whole "user:password" file in place: one process for every user.
        await File.WriteAllLinesAsync(passwd, users.Select(u => $"{u.User}:{u.Password}"));
        await RunToolAsync("mosquitto_passwd", ["-U", passwd]);
        await File.WriteAllTextAsync(aclPath, acl ?? await File.ReadAllTextAsync(Path.Combine(RepoPaths.MosquittoDirectory, "mpp-signage.acl")));

        // The shipped hall template (or the city example), with this test's port and files.
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.MosquittoDirectory, template));
        var portText = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rendered = text
            .Replace("@MQTT_PORT@", portText, StringComparison.Ordinal)
            .Replace("@CITY_PORT@", portText, StringComparison.Ordinal)
            .Replace("@MQTT_LISTEN@", "127.0.0.1", StringComparison.Ordinal)
            .Replace("@CITY_LISTEN@", "127.0.0.1", StringComparison.Ordinal)
            .Replace("/etc/mosquitto/mpp-signage.passwd", passwd, StringComparison.Ordinal)
            .Replace("/etc/mosquitto/mpp-city.passwd", passwd, StringComparison.Ordinal)
            .Replace("/etc/mosquitto/mpp-signage.acl", aclPath, StringComparison.Ordinal)
            .Replace("/etc/mosquitto/mpp-city.acl", aclPath, StringComparison.Ordinal);
        rendered = transformConfig?.Invoke(rendered) ?? rendered;
        // Debian's mosquitto.conf sets these for the service; a broker started by hand needs them here.
        var config = $"""
            # Test broker ({label}); the shipped settings follow.
            persistence false
            log_dest stderr
            log_type error
            log_type warning
            log_type notice
            log_type information
            log_timestamp_format %H:%M:%S

            {rendered}
            {extraConfig ?? ""}
            """;
        var configPath = Path.Combine(dir, "mosquitto.conf");
        await File.WriteAllTextAsync(configPath, config);
        await GiveToMosquittoUserAsync(dir);
        foreach (var extra in extraFilesOwnedByBroker ?? [])
        {
            await GiveToMosquittoUserAsync(extra);
        }

        var broker = new MosquittoBroker(dir, port, configPath);
        await broker.StartProcessAsync();
        return broker;
    }

    /// <summary>Starts the same broker again (same port, files and configuration) after a stop or kill.</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <summary>SIGKILL by PID: the broker vanishes without a goodbye (no Last Will, no clean disconnects).</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
        }
    }

    /// <summary>SIGTERM by PID.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    /// <summary>Fails clearly when Mosquitto is missing (scripts/test.sh installs it: apt-get install mosquitto mosquitto-clients).</summary>
    public static void EnsureInstalled()
    {
        foreach (var tool in new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto_passwd" })
        {
            if (!File.Exists(tool))
            {
                throw new InvalidOperationException($"{tool} not found: these tests need Debian's mosquitto and mosquitto-clients packages (scripts/test.sh installs them; by hand: apt-get install mosquitto mosquitto-clients).");
            }
        }
    }

    /// <summary>The installed Mosquitto's version (from <c>mosquitto -h</c>).</summary>
    public static string Version()
    {
        using var p = Process.Start(new ProcessStartInfo("/usr/sbin/mosquitto", "-h") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        var m = System.Text.RegularExpressions.Regex.Match(text, @"version (\S+)");
        return m.Success ? m.Groups[1].Value : "?";
    }

    private async Task StartProcessAsync()
    {
        if (_process is not null)
        {
            _previousOutput.AddRange(_process.Lines);
            await _process.DisposeAsync();
        }

        _process = ChildProcess.Start("/usr/sbin/mosquitto", ["-c", ConfigPath], workingDirectory: Directory);
        await WaitListeningAsync(Port, _process, TimeSpan.FromSeconds(15));
    }

    /// <summary>Waits until another listener of a running broker accepts connections.</summary>
    public static Task WaitListeningOnAsync(int port, TimeSpan timeout) =>
        Eventually.TrueAsync(() => AcceptsAsync(port), $"a listener on port {port}", timeout);

    /// <summary>Waits until the port accepts connections (the broker is serving), or fails with its log.</summary>
    public static Task WaitListeningAsync(int port, ChildProcess process, TimeSpan timeout) =>
        Eventually.TrueAsync(
            () => process.HasExited
                ? throw new InvalidOperationException($"mosquitto exited ({process.ExitCode}) at start:\n{process.Output}")
                : AcceptsAsync(port),
            $"mosquitto to listen on port {port}",
            timeout,
            () => process.Output);

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            // Not listening yet: the caller polls until its deadline.
            return false;
        }
    }

    private static async Task GiveToMosquittoUserAsync(string dir)
    {
        if (Posix.IsRoot)
        {
            await RunToolAsync("chown", ["-R", "mosquitto:mosquitto", dir]);
        }
    }

    /// <summary>Runs a tool to completion; a non-zero exit fails with its output.</summary>
    public static async Task<string> RunToolAsync(string file, IEnumerable<string> args)
    {
        await using var p = ChildProcess.Start(file, args, workingDirectory: "/");
        var code = await p.WaitForExitAsync(TimeSpan.FromSeconds(60));
        if (code != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({code}):\n{p.Output}");
        }

        return p.Output;
    }
}
