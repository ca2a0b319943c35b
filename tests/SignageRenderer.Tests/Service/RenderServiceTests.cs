using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Service;
using MppSignage.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Service;

/// <summary>The render loop with a fake clock: what is drawn when, and only when something changed.</summary>
public sealed class RenderServiceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(J(2024, 7, 1, 9, 0, 5).ToDateTimeOffset());
    private readonly Microsoft.Extensions.Options.IOptions<SignageOptions> _options = ServiceOptions();
    private readonly SignageState _state;
    private readonly RecordingOutput _output = new();
    private readonly FrameHolder _frame;
    private readonly RenderService _service;
    private readonly SlideComposer _composer;

    public RenderServiceTests()
    {
        _state = new SignageState(Now);
        _state.SetBrokerConnected(true, Now);
        _frame = new FrameHolder(Renderer(new ScreenGeometry(1920, 1080)));
        _composer = new SlideComposer(_options);
        _service = new RenderService(_state, _composer, _frame, _output, _time, NullLogger<RenderService>.Instance);
    }

    private Instant Now => Instant.FromDateTimeOffset(_time.GetUtcNow());

    public void Dispose() => _frame.Dispose();

    private void Advance(TimeSpan by) => _time.Advance(by);

    [Fact]
    public void RenderOnce_SameMinuteSameSlide_DrawsNothingAgain()
    {
        _state.SetAnnouncements([]);
        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, Now));
        _service.RenderOnce(Now);
        var first = _output.Writes.Count;

        Advance(TimeSpan.FromSeconds(3));
        _service.RenderOnce(Now);

        Assert.Equal(1, first);
        Assert.Single(_output.Writes);
        Assert.Equal(new ScreenGeometry(1920, 1080).Bounds, _output.Writes[0]);
    }

    [Fact]
    public void RenderOnce_NextMinute_RedrawsOnlyTheFooter()
    {
        // Keep the status slide on screen: no hours, no QR in the rotation.
        var service = NewService(ServiceOptions(hoursAndQr: false));
        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, Now));
        var wake = service.RenderOnce(Now);

        // The loop asks to be woken at the next minute boundary.
        Assert.Equal(J(2024, 7, 1, 9, 1), wake);
        _time.SetUtcNow(wake.ToDateTimeOffset());
        service.RenderOnce(Now);

        Assert.Equal(2, _output.Writes.Count);
        Assert.Equal(new ScreenGeometry(1920, 1080).FooterRegion, _output.Writes[1]);
        Assert.Equal(1, _frame.Renderer.FullDraws);
        Assert.Equal(1, _frame.Renderer.FooterDraws);
    }

    [Fact]
    public void RenderOnce_StatusChanges_RedrawsWholeFrame()
    {
        var service = NewService(ServiceOptions(hoursAndQr: false));
        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, Now));
        service.RenderOnce(Now);

        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 1, 20, 0)));
        service.RenderOnce(Now);

        Assert.Equal(2, _frame.Renderer.FullDraws);
        Assert.IsType<StatusSlideModel>(CurrentSlide());
    }

    [Fact]
    public void Emergency_TakesOverAtFrom_AndLeavesAtUntil()
    {
        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, Now));
        _state.SetAnnouncements([
            new Announcement { Id = "info", Kind = AnnouncementKind.Text, Title = new("Info"), Priority = AnnouncementPriority.High },
            new Announcement
            {
                Id = "evakuasi", Kind = AnnouncementKind.Text, Title = new("Evakuasi gedung"), Priority = AnnouncementPriority.Emergency,
                From = J(2024, 7, 1, 9, 10).InZone(Jakarta).ToOffsetDateTime(), Until = J(2024, 7, 1, 9, 20).InZone(Jakarta).ToOffsetDateTime(),
            },
        ]);

        var seenBefore = new HashSet<string>();
        while (Now < J(2024, 7, 1, 9, 10))
        {
            seenBefore.Add(Selection().Slide.ToString());
            Advance(TimeSpan.FromSeconds(5));
        }

        var during = new HashSet<string>();
        while (Now < J(2024, 7, 1, 9, 20))
        {
            during.Add(Selection().Slide.ToString());
            _service.RenderOnce(Now);
            Advance(TimeSpan.FromSeconds(5));
        }

        var after = new HashSet<string>();
        while (Now < J(2024, 7, 1, 9, 25))
        {
            after.Add(Selection().Slide.ToString());
            Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Contains("status", seenBefore);
        Assert.Contains("announcement:info", seenBefore);
        Assert.DoesNotContain("announcement:evakuasi", seenBefore);
        Assert.Equal(["announcement:evakuasi"], during);
        Assert.DoesNotContain("announcement:evakuasi", after);
        Assert.Contains("status", after);
    }

    [Fact]
    public void Emergency_DeletedFromList_LeavesAtOnce()
    {
        var emergency = new Announcement { Id = "x", Kind = AnnouncementKind.Text, Title = new("Darurat"), Priority = AnnouncementPriority.Emergency };
        _state.SetAnnouncements([emergency]);
        Assert.True(Selection().Emergency);

        _state.SetAnnouncements([]);

        Assert.False(Selection().Emergency);
    }

    [Fact]
    public void Stale_BadgeAppearsAfterStaleAfter_AndLoopWakesForIt()
    {
        var service = NewService(ServiceOptions(hoursAndQr: false));
        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, Now));
        service.RenderOnce(Now);
        var lostAt = Now;
        _state.SetControllerOnline(false, lostAt);

        Advance(TimeSpan.FromSeconds(50));
        var wake = service.RenderOnce(Now);
        Assert.Null(Footer().Warning);
        Assert.True(wake <= lostAt + Duration.FromMinutes(2));

        _time.SetUtcNow((lostAt + Duration.FromMinutes(2)).ToDateTimeOffset());
        service.RenderOnce(Now);
        Assert.Equal("Informasi mungkin tidak terbaru (sejak 09.00)", Footer().Warning!.Id);
        // The status itself is still the last known one, not blanked.
        Assert.Equal("BUKA", Assert.IsType<StatusSlideModel>(CurrentSlide()).Headline.Id);

        _state.SetControllerOnline(true, Now);
        service.RenderOnce(Now);
        Assert.Null(Footer().Warning);
    }

    [Fact]
    public void BrokerLost_ClockKeepsRunning()
    {
        var service = NewService(ServiceOptions(hoursAndQr: false));
        _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, Now));
        _state.SetBrokerConnected(false, Now);

        service.RenderOnce(Now);
        var before = Footer().DateTime;
        Advance(TimeSpan.FromMinutes(7));
        service.RenderOnce(Now);

        Assert.Equal("Senin, 1 Juli 2024 · 09.00 WIB", before);
        Assert.Equal("Senin, 1 Juli 2024 · 09.07 WIB", Footer().DateTime);
    }

    [Fact]
    public async Task ExecuteAsync_WakesOnNewData_WithoutTimePassing()
    {
        var service = NewService(ServiceOptions(hoursAndQr: false));
        using var cts = new CancellationTokenSource();
        var drawn = new TaskCompletionSource();
        await service.StartAsync(cts.Token);
        try
        {
            await Eventually.TrueAsync(() => _frame.Renderer.FullDraws >= 1, "the first full draw", TimeSpan.FromSeconds(10));
            _state.SetStatus(ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 1, 20, 0)));
            await Eventually.TrueAsync(() => _frame.Renderer.FullDraws >= 2, "a full redraw after the status change", TimeSpan.FromSeconds(10));
            Assert.Equal("TUTUP", Assert.IsType<StatusSlideModel>(CurrentSlide()).Headline.Id);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    private RenderService NewService(Microsoft.Extensions.Options.IOptions<SignageOptions> options) =>
        new(_state, new SlideComposer(options), _frame, _output, _time, NullLogger<RenderService>.Instance);

    private SlideSelection Selection() => _composer.Compose(_state.Snapshot(), Now).Selection;

    private SlideModel CurrentSlide() => _frame.Renderer.CurrentSlide!;

    private FooterModel Footer() => _frame.Renderer.CurrentFooter!;
}
