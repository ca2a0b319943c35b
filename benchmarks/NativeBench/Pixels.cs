using System.Diagnostics;
using System.Globalization;
using System.Text;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Output;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Text;
using MQTTnet;
using MQTTnet.Protocol;
using NodaTime;

namespace MppSignage.Benchmarks.NativeBench;

/// <summary>
/// Change → pixels (issue 13 item 4): the native controller (embedded broker) and the native renderer with framebuffer
/// output to a plain file. Staff publish <c>override/set</c> open/closed alternately (MQTTnet, QoS 1); each sample is
/// publish → the framebuffer file changed. The file is polled: its mtime by <c>stat</c> every ~1 ms, and a change counts
/// only when the file's bytes differ from before the publish (the time is taken at the stat that saw the new mtime).
/// The bare MQTT round trip is the same message's publish → arrival at an admin subscriber on the same broker,
/// so both figures come from the same messages, interleaved by construction.
/// One frame's render time: a warm full-slide render + 32 bpp framebuffer write in this process, in the same run.
/// </summary>
internal static class Pixels
{
    private const string Site = "probolinggo";

    public static void Run(string root, string controller, string signage, string work, int samples)
    {
        var frameMs = WarmFrameMs(root, work);
        var dir = Directory.CreateDirectory(Path.Combine(work, "pixels")).FullName;
        var state = Directory.CreateDirectory(Path.Combine(dir, "state")).FullName;
        var port = Program.FreePort();
        var env = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Development" };
        using var ctrl = Program.Start(controller, ["run", $"--Mqtt:Port={port}", "--Gpio:Driver=simulated", "--Gpio:Lcd:Enabled=false",
            $"--State:Directory={state}", "--Clock:AssumeSynchronized=true",
            $"--Schedule:File={Path.Combine(root, "deploy-pi", "config", "schedule.json")}"], env, Path.GetDirectoryName(controller)!);
        // Only the status slide, so a slide rotation does not land inside a sample.
        using var rend = Program.Start(signage, ["run", $"--Mqtt:Port={port}",
            .. Program.FramebufferArgs(dir, "--Rotation:ShowHours=false", "--Rotation:ShowQr=false")], env, Path.GetDirectoryName(signage)!);
        try
        {
            Thread.Sleep(3000);
            Measure(Path.Combine(dir, "fb0"), port, samples, frameMs).GetAwaiter().GetResult();
        }
        finally
        {
            foreach (var p in new[] { rend, ctrl })
            {
                if (!p.HasExited)
                {
                    p.Kill();
                    p.WaitForExit(10_000);
                }
            }
        }
    }

    private static async Task Measure(string fb, int port, int samples, double frameMs)
    {
        var factory = new MqttClientFactory();
        using var staff = factory.CreateMqttClient();
        using var admin = factory.CreateMqttClient();
        var topic = $"mpp/{Site}/override/set";
        await admin.ConnectAsync(Options(factory, port, "admin", "admin-dev"));
        TaskCompletionSource<long>? arrived = null;
        admin.ApplicationMessageReceivedAsync += e =>
        {
            arrived?.TrySetResult(Stopwatch.GetTimestamp());
            return Task.CompletedTask;
        };
        await admin.SubscribeAsync(factory.CreateSubscribeOptionsBuilder().WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await staff.ConnectAsync(Options(factory, port, "staff", "staff-dev"));

        const int warmup = 20;
        var pixels = new List<double>();
        var bare = new List<double>();
        var timeouts = 0;
        var bound = Stopwatch.StartNew();
        for (var i = 0; i < samples + warmup && bound.Elapsed < TimeSpan.FromMinutes(10); i++)
        {
            var before = File.ReadAllBytes(fb);
            var mtime = File.GetLastWriteTimeUtc(fb);
            arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var payload = Encoding.UTF8.GetBytes(i % 2 == 0 ? "{\"state\":\"open\",\"reason\":\"bench\"}" : "{\"state\":\"closed\",\"reason\":\"bench\"}");
            var t0 = Stopwatch.GetTimestamp();
            await staff.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            double? changed = null;
            while (Stopwatch.GetElapsedTime(t0) < TimeSpan.FromSeconds(3))
            {
                var m = File.GetLastWriteTimeUtc(fb);
                if (m != mtime)
                {
                    var now = Stopwatch.GetTimestamp();
                    mtime = m;
                    if (!File.ReadAllBytes(fb).AsSpan().SequenceEqual(before))
                    {
                        changed = Stopwatch.GetElapsedTime(t0, now).TotalMilliseconds;
                        break;
                    }
                }

                Thread.Sleep(1);
            }

            var got = await Task.WhenAny(arrived.Task, Task.Delay(3000)) == arrived.Task;
            if (changed is null || !got)
            {
                timeouts++;
                continue;
            }

            if (i >= warmup)
            {
                pixels.Add(changed.Value);
                bare.Add(Stopwatch.GetElapsedTime(t0, arrived.Task.Result).TotalMilliseconds);
            }

            Thread.Sleep(50); // let the renderer settle before the next change
        }

        await staff.DisconnectAsync();
        await admin.DisconnectAsync();
        string F(List<double> v) => v.Count == 0 ? "no samples" :
            $"p50 {Pct(v, 0.50):F1} ms, p99 {Pct(v, 0.99):F1} ms, max {v.Max():F1} ms ({v.Count} samples)";
        Console.WriteLine($"change -> pixels (override published -> framebuffer file changed): {F(pixels)}; {timeouts} without a change in 3 s");
        Console.WriteLine($"bare MQTT round trip (same messages, publish -> admin subscriber, QoS 1): {F(bare)}");
        Console.WriteLine($"one frame (warm full-slide render + 32 bpp framebuffer write, this process): p50 {frameMs:F1} ms");
        if (pixels.Count > 0)
        {
            var budget = Pct(bare, 0.99) + frameMs;
            Console.WriteLine($"change -> pixels p99 / (bare p99 + one frame) = {Pct(pixels, 0.99):F1} / {budget:F1} = {Pct(pixels, 0.99) / budget:F2} (target <= 3)");
        }
    }

    private static MqttClientOptions Options(MqttClientFactory factory, int port, string user, string password) =>
        factory.CreateClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithCredentials(user, password)
            .WithClientId($"bench-{user}-{Environment.ProcessId}").WithCleanSession().Build();

    private static double Pct(List<double> v, double q)
    {
        var s = v.Order().ToArray();
        return s[Math.Min(s.Length - 1, (int)Math.Ceiling(q * s.Length) - 1)];
    }

    /// <summary>Median of a warm full-slide render (layout + draw) plus the whole frame written to a 32 bpp framebuffer file.</summary>
    private static double WarmFrameMs(string root, string work)
    {
        var schedule = ScheduleLoader.LoadFile(Path.Combine(root, "deploy-pi", "config", "schedule.json")).Schedule
            ?? throw new InvalidOperationException("deploy-pi/config/schedule.json is invalid");
        var words = new SignageSlides(schedule.Zone);
        using var fonts = FontSet.Load("DejaVu Sans", "Display:Font");
        using var fitter = new TextFitter(fonts);
        var geometry = new ScreenGeometry(1920, 1080);
        using var renderer = new FrameRenderer(geometry, new FrameLayouter(fitter, bilingual: false), new FramePainter(fitter));
        var device = Path.Combine(work, "warm-fb0");
        var fbGeometry = new FramebufferGeometry(1920, 1080, 32, 7680);
        File.WriteAllBytes(device, new byte[7680 * 1080]);
        using var output = new FramebufferOutput(device, fbGeometry, 1920, 1080);
        var t0 = new LocalDateTime(2024, 7, 1, 13, 0).InZoneStrictly(schedule.Zone).ToInstant();
        var times = new List<double>();
        for (var i = 0; i < 130; i++)
        {
            var at = t0 + Duration.FromMinutes(i % 50);
            var sw = Stopwatch.StartNew();
            var dirty = renderer.Render(words.Status(ScheduleStatus.Compute(schedule, at), at), words.Footer(at, null), "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO");
            output.Write(renderer.Frame, dirty ?? geometry.Bounds);
            if (i >= 30)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        return Pct(times, 0.50);
    }
}
