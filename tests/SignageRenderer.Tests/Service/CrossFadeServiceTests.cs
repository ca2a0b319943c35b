using MppSignage.Shared.Mqtt;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Output;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Service;
using MppSignage.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Service;

/// <summary>
/// Slides change by a cross-fade on a framebuffer (a plain file standing in for /dev/fb0, read back after
/// every step): each step is a whole blended frame between the two slides, never black, never half-drawn;
/// with the fade off or with PNG output there is no frame in between.
/// </summary>
public sealed class CrossFadeServiceTests : IDisposable
{
    private const int W = 640;
    private const int H = 360;
    private readonly FakeTimeProvider _time = new(J(2024, 7, 1, 13, 30).ToDateTimeOffset());
    private readonly string _dir = TempDir.Create("crossfade");
    private readonly SignageState _state;
    private readonly FrameHolder _frame;

    public CrossFadeServiceTests()
    {
        _state = new SignageState(Now);
        _state.SetBrokerConnected(true, Now);
        _state.SetControllerOnline(true, Now);
        _frame = new FrameHolder(Renderer(new ScreenGeometry(W, H)));
    }

    private Instant Now => Instant.FromDateTimeOffset(_time.GetUtcNow());

    public void Dispose()
    {
        _frame.Dispose();
        TempDir.TryDelete(_dir);
    }

    private (RenderService Service, FramebufferOutput Output, string Device) Framebuffer(int bpp, CrossFader fader)
    {
        var device = Path.Combine(_dir, $"fb-{bpp}");
        var fb = new FramebufferGeometry(W, H, bpp, W * (bpp / 8));
        File.WriteAllBytes(device, new byte[fb.Stride * H]);
        var output = new FramebufferOutput(device, fb, W, H);
        var service = new RenderService(_state, new SlideComposer(ServiceOptions(hoursAndQr: false)), _frame, output, _time, NullLogger<RenderService>.Instance, fader);
        return (service, output, device);
    }

    /// <summary>The pixel at (x, y) of a 32 bpp device file as (R, G, B).</summary>
    private static (int R, int G, int B) Pixel32(string device, int x, int y)
    {
        var bytes = File.ReadAllBytes(device);
        var i = ((y * W) + x) * 4;
        return (bytes[i + 2], bytes[i + 1], bytes[i]);
    }

    private static (int R, int G, int B) Rgb(SKColor c) => (c.Red, c.Green, c.Blue);

    private void Open() => _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 1, 10, 0)));

    private void Closed() => _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 1, 15, 0)));

    [Fact]
    public void SlideChange_MidFadeFrame_IsBetweenTheSlides_AndWhole()
    {
        var (service, output, device) = Framebuffer(32, new CrossFader(TimeSpan.FromMilliseconds(400), 8));
        using var _ = output;
        Open();
        service.RenderOnce(Now);
        var open = Rgb(Theme.Open);
        Assert.Equal(open, Pixel32(device, 5, 5));

        Closed();
        var wake = service.RenderOnce(Now);
        var closed = Rgb(Theme.Closed);

        // The change starts at once (step 1 of 8) and asks to be woken for the next step, 50 ms on.
        Assert.True(service.Fading);
        Assert.Equal(Now + Duration.FromMilliseconds(50), wake);
        _time.Advance(TimeSpan.FromMilliseconds(150)); // step 4 of 8: half way
        service.RenderOnce(Now);
        var mid = Pixel32(device, 5, 5);
        Assert.InRange(mid.R, Math.Min(open.R, closed.R) + 10, Math.Max(open.R, closed.R) - 10);
        Assert.InRange(mid.G, Math.Min(open.G, closed.G) + 10, Math.Max(open.G, closed.G) - 10);
        Assert.Equal(((open.R * 128) + (closed.R * 128)) >> 8, mid.R);
        // Whole frames only: the far corner of the background is at the same step, not still green or already red.
        Assert.Equal(mid, Pixel32(device, W - 5, H / 2));

        _time.Advance(TimeSpan.FromMilliseconds(250));
        var after = service.RenderOnce(Now);
        Assert.False(service.Fading);
        Assert.Equal(closed, Pixel32(device, 5, 5));
        Assert.True(after > Now + Duration.FromSeconds(1)); // back to the slide's own wake-up
    }

    [Fact]
    public void SlideChange_Rgb565_FadesThroughBlendedFrames()
    {
        var (service, output, device) = Framebuffer(16, new CrossFader(TimeSpan.FromMilliseconds(400), 4));
        using var _ = output;
        Open();
        service.RenderOnce(Now);
        var first = File.ReadAllBytes(device);
        Closed();
        service.RenderOnce(Now);
        _time.Advance(TimeSpan.FromMilliseconds(100)); // step 2 of 4
        service.RenderOnce(Now);
        var mid = BitConverter.ToUInt16(File.ReadAllBytes(device), 0);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        service.RenderOnce(Now);
        var last = BitConverter.ToUInt16(File.ReadAllBytes(device), 0);

        int Red(ushort p) => (p >> 11) & 0x1F;
        var r0 = Red(BitConverter.ToUInt16(first, 0));
        Assert.InRange(Red(mid), r0 + 2, Red(last) - 2);
    }

    [Fact]
    public void SameBackground_OnlyTheRowsThatDiffer_AreBlendedAndWritten()
    {
        var (service, output, device) = Framebuffer(32, new CrossFader(TimeSpan.FromMilliseconds(400), 8));
        using var _ = output;
        Open();
        service.RenderOnce(Now);
        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 5, 9, 0))); // same tone (open), other lines: Friday's hours
        service.RenderOnce(Now);
        Assert.True(service.Fading);

        // Mark a pixel of the top margin (the same in both frames) on the device: a fade step must not rewrite it.
        using (var fb = new FileStream(device, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            fb.Write([1, 2, 3, 4]);
        }

        _time.Advance(TimeSpan.FromMilliseconds(150));
        service.RenderOnce(Now);

        Assert.Equal((3, 2, 1), Pixel32(device, 0, 0));
    }

    [Fact]
    public void FadeOff_SlideChange_NoFrameInBetween()
    {
        var (service, output, device) = Framebuffer(32, CrossFader.Off);
        using var _ = output;
        Open();
        service.RenderOnce(Now);
        var writes = service.FramesWritten;

        Closed();
        var wake = service.RenderOnce(Now);

        Assert.False(service.Fading);
        Assert.Equal(writes + 1, service.FramesWritten);
        Assert.Equal(Rgb(Theme.Closed), Pixel32(device, 5, 5));
        Assert.True(wake > Now + Duration.FromSeconds(1));
    }

    [Fact]
    public void PngOutput_NeverFades_WritesOnlyFinalFrames()
    {
        var output = new RecordingOutput();
        var service = new RenderService(_state, new SlideComposer(ServiceOptions(hoursAndQr: false)), _frame, output, _time, NullLogger<RenderService>.Instance, new CrossFader(TimeSpan.FromMilliseconds(400), 8));
        Open();
        service.RenderOnce(Now);
        Closed();
        service.RenderOnce(Now);

        Assert.False(service.Fading);
        Assert.Equal(2, output.Writes.Count);
    }

    [Fact]
    public void FirstFrame_IsNotFadedFromBlack()
    {
        var (service, output, device) = Framebuffer(32, new CrossFader(TimeSpan.FromMilliseconds(400), 8));
        using var _ = output;
        Open();

        service.RenderOnce(Now);

        Assert.False(service.Fading);
        Assert.Equal(Rgb(Theme.Open), Pixel32(device, 5, 5));
    }
}
