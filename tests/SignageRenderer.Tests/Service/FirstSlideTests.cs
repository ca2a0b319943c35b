using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Preview;
using MppSignage.SignageRenderer.Service;
using NodaTime;
using MppSignage.TestSupport;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Service;

/// <summary>
/// Issue 14 items 10 and 12: the first slide after start stays its full time while the retained state
/// arrives, and slide changes are logged at Debug (the journal keeps state changes and errors).
/// </summary>
public sealed class FirstSlideTests : IDisposable
{
    private readonly Microsoft.Extensions.Options.IOptions<SignageOptions> _options = ServiceOptions();
    private readonly FrameHolder _frame = new(Renderer(new ScreenGeometry(1920, 1080)));

    public void Dispose() => _frame.Dispose();

    [Fact]
    public void RenderOnce_RetainedStateArrivingAfterStart_DoesNotAdvanceTheFirstSlide()
    {
        var composer = new SlideComposer(_options);
        var announcements = new[]
        {
            new Announcement { Id = "info-1", Kind = AnnouncementKind.Text, Title = new LocalizedText("Layanan KTP elektronik", "Electronic ID cards") },
        };

        // A start instant where the full rotation (once everything arrived) is in the middle of another slide:
        // that is where the screen flashed before.
        var start = J(2024, 7, 1, 9, 0, 0);
        SignageSnapshot Full(Instant t) => new(ScheduleStatus.Compute(Schedules.Default, t), Schedules.Default, announcements, null, 1);
        while (composer.Compose(Full(start), start + Duration.FromMilliseconds(300)).Selection is var s
            && (s.Slide == SlideRef.Status || s.SlotEnd - start < Duration.FromSeconds(3)))
        {
            start += Duration.FromSeconds(1);
        }

        var time = new FakeTimeProvider(start.ToDateTimeOffset());
        var state = new SignageState(start);
        var logger = new RecordingLogger();
        var service = new RenderService(state, composer, _frame, new RecordingOutput(), time, logger);
        Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());

        service.RenderOnce(Now());
        time.Advance(TimeSpan.FromMilliseconds(100));
        state.SetBrokerConnected(true, Now());
        state.SetStatus(ScheduleStatus.Compute(Schedules.Default, Now()));
        service.RenderOnce(Now());
        time.Advance(TimeSpan.FromMilliseconds(100));
        state.SetSchedule(Schedules.Default);
        service.RenderOnce(Now());
        time.Advance(TimeSpan.FromMilliseconds(100));
        state.SetAnnouncements(announcements);
        service.RenderOnce(Now());

        var holdEnd = composer.FirstSlideEnd(state.Snapshot(), start, Jakarta);
        Assert.True(holdEnd - start >= Duration.FromSeconds(_options.Value.Rotation.StatusSeconds), $"first slide held only {holdEnd - start}");
        var wake = service.RenderOnce(Now());
        while (wake < holdEnd)
        {
            time.SetUtcNow(wake.ToDateTimeOffset());
            wake = service.RenderOnce(Now());
        }

        // Only the status slide so far; at the hold's end the rotation goes on at a slot boundary.
        var slides = logger.Entries.Where(e => e.Message.StartsWith("Slide ", StringComparison.Ordinal)).ToList();
        Assert.Single(slides);
        Assert.Equal("Slide status (rotation)", slides[0].Message);
        // After it the rotation goes on, and the first other slide starts at its slot boundary (shown whole).
        time.SetUtcNow(holdEnd.ToDateTimeOffset());
        wake = service.RenderOnce(Now());
        while (logger.Entries.Count(e => e.Message.StartsWith("Slide ", StringComparison.Ordinal)) == 1)
        {
            Assert.True(Now() - holdEnd < Duration.FromMinutes(1), "the rotation never moved on");
            time.SetUtcNow(wake.ToDateTimeOffset());
            wake = service.RenderOnce(Now());
        }

        var next = composer.Compose(state.Snapshot(), Now(), start).Selection;
        Assert.NotEqual(SlideRef.Status, next.Slide);
        Assert.Equal(Now(), next.SlotStart);

        // Item 10: slide changes are Debug, never Information.
        Assert.All(logger.Entries.Where(e => e.Message.StartsWith("Slide ", StringComparison.Ordinal)), e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Fact]
    public void Compose_EmergencyDuringTheFirstSlide_TakesOverAtOnce()
    {
        var composer = new SlideComposer(_options);
        var start = J(2024, 7, 1, 9, 0, 0);
        var emergency = new Announcement { Id = "banjir", Kind = AnnouncementKind.Text, Priority = AnnouncementPriority.Emergency, Title = new LocalizedText("Evakuasi", "Evacuate") };
        var snapshot = new SignageSnapshot(ScheduleStatus.Compute(Schedules.Default, start), Schedules.Default, [emergency], null, 1);
        Assert.Equal(SlideRef.ForAnnouncement("banjir"), composer.Compose(snapshot, start + Duration.FromSeconds(1), start).Selection.Slide);
    }

    private sealed class RecordingLogger : ILogger<RenderService>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
