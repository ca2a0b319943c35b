// PanelBench: the web panel's figures, against the real controller and panel processes (Release builds,
// development users, embedded broker on a free loopback port).
//   dotnet run -c Release --project benchmarks/PanelBench -- [renders] [changes] [--native PATH]
// --native PATH runs the panel as the Pi does, a NativeAOT executable, e.g. after
//   dotnet publish Panel -c Release -r linux-x64 -p:PublishAot=true -o artifacts/panel-native
// (PATH = artifacts/panel-native/mpp-panel); without it, the JIT build Panel/bin/Release/…/mpp-panel.dll.
// Prints: page render p50/p95 (status, announcements) over HTTP with a logged-in session, the panel's idle
// RSS, and status change → SSE event received p99 against the bare MQTT delivery of the same change
// (both measured on every change of the same run). Targets: p95 ≤ 50 ms, idle RSS ≤ 70 MB,
// SSE p99 ≤ 3 × bare p99 + 5 ms.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

var native = Array.IndexOf(args, "--native") is >= 0 and var at && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;
var numbers = args.Where((a, i) => a != "--native" && (i == 0 || args[i - 1] != "--native")).ToArray();
var renders = numbers.Length > 0 ? int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
var changes = numbers.Length > 1 ? int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
if (native is not null && !File.Exists(native))
{
    Console.Error.WriteLine($"PanelBench: --native {native}: no such executable (dotnet publish Panel -c Release -r linux-x64 -p:PublishAot=true -o artifacts/panel-native)");
    return 2;
}

var root = FindRoot();
var state = Directory.CreateTempSubdirectory("panelbench-").FullName;
var mqttPort = FreePort();
var httpPort = FreePort();
var procs = new List<Process>();
try
{
    var controller = Start(procs, Dll(root, "Controller", "mpp-controller"), ["run", $"--Mqtt:Port={mqttPort}", $"--State:Directory={state}", $"--Schedule:File={Path.Combine(root, "deploy-pi", "config", "schedule.json")}", "--Gpio:Lcd:Enabled=false", "--Logging:LogLevel:Default=Warning"], root);
    await WaitPortAsync(mqttPort);
    var panelPath = native ?? Dll(root, "Panel", "mpp-panel");
    Console.WriteLine($"panel: {(native is null ? "JIT" : "NativeAOT")} {panelPath}");
    var panel = Start(procs, panelPath, [$"--Panel:MqttPort={mqttPort}", $"--Panel:Listen=http://127.0.0.1:{httpPort}", "--Logging:LogLevel:Default=Warning"], root);
    await WaitPortAsync(httpPort);

    var cookies = new CookieContainer();
    using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
    await LoginAsync(http, "admin", "admin-dev");

    foreach (var path in new[] { "/", "/announcements" })
    {
        for (var i = 0; i < 30; i++)
        {
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var times = new List<double>();
        for (var i = 0; i < renders; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            sw.Stop();
            if (response.StatusCode != HttpStatusCode.OK || body.Length < 500)
            {
                throw new InvalidOperationException($"{path}: {response.StatusCode}");
            }

            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"page {path,-15} n={renders}  p50 {P(times, 50):0.00} ms  p95 {P(times, 95):0.00} ms  (target p95 <= 50 ms)");
    }

    // Idle: one session logged in, its SSE stream not open, nothing happening for 5 s.
    GC.KeepAlive(controller);
    await Task.Delay(5000);
    var rss = RssKiB(panel.Id);
    var smaps = File.ReadLines($"/proc/{panel.Id}/smaps_rollup").Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
        .ToDictionary(p => p[0].Trim(), p => long.TryParse(p[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0);
    Console.WriteLine($"panel idle RSS {rss / 1024.0:0.0} MB (one session)  (target <= 70 MB): anonymous {smaps.GetValueOrDefault("Anonymous") / 1024.0:0.0} MB, "
        + $"PSS {smaps.GetValueOrDefault("Pss") / 1024.0:0.0} MB, file-backed and shared (framework DLLs, JIT) {(rss - smaps.GetValueOrDefault("Anonymous")) / 1024.0:0.0} MB");

    // Status change → SSE event, against the bare MQTT delivery of the same retained status.
    using var stream = await http.GetStreamAsync("/live/status");
    var reader = new StreamReader(stream);
    var sseEvents = System.Threading.Channels.Channel.CreateUnbounded<long>();
    _ = Task.Run(async () =>
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: status", StringComparison.Ordinal))
            {
                sseEvents.Writer.TryWrite(Stopwatch.GetTimestamp());
            }
        }
    });
    await sseEvents.Reader.ReadAsync(); // the stream's first event is the current state

    var factory = new MqttClientFactory();
    using var staff = factory.CreateMqttClient();
    await staff.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mqttPort).WithProtocolVersion(MqttProtocolVersion.V500).WithCredentials("staff", "staff-dev").Build());
    var bareEvents = System.Threading.Channels.Channel.CreateUnbounded<long>();
    var first = true;
    staff.ApplicationMessageReceivedAsync += e =>
    {
        if (!first)
        {
            bareEvents.Writer.TryWrite(Stopwatch.GetTimestamp());
        }

        first = false;
        return Task.CompletedTask;
    };
    await staff.SubscribeAsync("mpp/probolinggo/status", MqttQualityOfServiceLevel.AtLeastOnce);
    await Task.Delay(500);
    var sse = new List<double>();
    var bare = new List<double>();
    for (var i = 0; i < changes; i++)
    {
        var payload = i % 2 == 0 ? """{"state":"open","reason":"bench"}""" : """{"state":"auto"}""";
        var start = Stopwatch.GetTimestamp();
        await staff.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("mpp/probolinggo/override/set").WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var b = await bareEvents.Reader.ReadAsync(timeout.Token);
        var s = await sseEvents.Reader.ReadAsync(timeout.Token);
        bare.Add(Stopwatch.GetElapsedTime(start, b).TotalMilliseconds);
        sse.Add(Stopwatch.GetElapsedTime(start, s).TotalMilliseconds);
        await Task.Delay(20);
    }

    var target = 3 * P(bare, 99) + 5;
    Console.WriteLine($"status change -> bare MQTT subscriber  n={changes}  p50 {P(bare, 50):0.00} ms  p99 {P(bare, 99):0.00} ms");
    Console.WriteLine($"status change -> SSE event in the page n={changes}  p50 {P(sse, 50):0.00} ms  p99 {P(sse, 99):0.00} ms  (target <= 3 x bare p99 + 5 = {target:0.00} ms) {(P(sse, 99) <= target ? "OK" : "OVER")}");
    Console.WriteLine($"panel RSS after the run {RssKiB(panel.Id) / 1024.0:0.0} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    return 0;
}
finally
{
    foreach (var p in procs)
    {
        if (!p.HasExited)
        {
            p.Kill(entireProcessTree: true);
        }
    }

    Directory.Delete(state, recursive: true);
}

static async Task LoginAsync(HttpClient http, string user, string password)
{
    var page = await http.GetStringAsync("/login");
    var token = Regex.Match(page, "name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"|type=\"hidden\" name=\"__af\" value=\"([^\"]+)\"|name=\"__af\" value=\"([^\"]+)\"");
    var value = token.Groups.Cast<Group>().Skip(1).First(g => g.Success).Value;
    var response = await http.PostAsync("/login", new FormUrlEncodedContent([new("__af", value), new("UserName", user), new("Password", password)]));
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"login failed: {response.StatusCode}");
    }
}

static double P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static long RssKiB(int pid) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

static Process Start(List<Process> procs, string dll, string[] args, string root)
{
    // A .dll runs under the dotnet host (JIT); anything else is a native executable.
    var jit = dll.EndsWith(".dll", StringComparison.Ordinal);
    var info = new ProcessStartInfo(jit ? "dotnet" : dll) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
    if (jit)
    {
        info.ArgumentList.Add(dll);
    }

    foreach (var a in args)
    {
        info.ArgumentList.Add(a);
    }

    info.Environment["DOTNET_ENVIRONMENT"] = "Development";
    var p = Process.Start(info)!;
    p.OutputDataReceived += (_, _) => { };
    p.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } d) { Console.Error.WriteLine($"[{Path.GetFileNameWithoutExtension(dll)}] {d}"); } };
    p.BeginOutputReadLine();
    p.BeginErrorReadLine();
    procs.Add(p);
    return p;
}

static async Task WaitPortAsync(int port)
{
    for (var i = 0; i < 300; i++)
    {
        try
        {
            using var c = new TcpClient();
            await c.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(100);
        }
    }

    throw new TimeoutException($"nothing listens on {port}");
}

static int FreePort()
{
    var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    var port = ((IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    return port;
}

static string Dll(string root, string project, string name)
{
    var path = Path.Combine(root, project, "bin", "Release", "net10.0", name + ".dll");
    return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: dotnet build {project} -c Release");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("MppSignage.sln not found");
}
