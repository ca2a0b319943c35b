using MppSignage.SignageRenderer.Composition;
using MppSignage.SignageRenderer.Output;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MppSignage.SignageRenderer.Service;

/// <summary>
/// The render loop: at every wake-up it asks the composer what to show now and redraws only what changed
/// (a new slide or status: the whole frame; a new minute or stale badge: the footer band; otherwise
/// nothing), then sleeps until the next slot, minute or stale deadline, or until new data arrives. The
/// clock keeps running whatever happens to the broker. On a display (<see cref="IFadingOutput"/>) a new slide
/// comes in by a cross-fade (<see cref="CrossFader"/>): the loop wakes for each step and the display gets whole
/// blended frames, never a black or half-drawn one.
/// </summary>
public sealed class RenderService : BackgroundService
{
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(5);
    private readonly SignageState _state;
    private readonly SlideComposer _composer;
    private readonly FrameHolder _frame;
    private readonly IFrameOutput _output;
    private readonly TimeProvider _time;
    private readonly ILogger<RenderService> _logger;
    private readonly CrossFader _fader;
    private readonly IFadingOutput? _fading;
    private bool _shown;
    private string? _lastSlide;
    private Instant? _startedAt;
    private long _frames;

    /// <summary>Creates the loop.</summary>
    /// <param name="fader">Slide changes by cross-fade (used only when <paramref name="output"/> is an <see cref="IFadingOutput"/>); null: off.</param>
    public RenderService(SignageState state, SlideComposer composer, FrameHolder frame, IFrameOutput output, TimeProvider time, ILogger<RenderService> logger, CrossFader? fader = null)
    {
        _state = state;
        _composer = composer;
        _frame = frame;
        _output = output;
        _time = time;
        _logger = logger;
        _fader = fader ?? CrossFader.Off;
        _fading = _fader.Enabled ? output as IFadingOutput : null;
    }

    /// <summary>True while a cross-fade is being shown.</summary>
    public bool Fading => _fader.Active;

    /// <summary>Frames written to the output so far (full or partial).</summary>
    public long FramesWritten => Interlocked.Read(ref _frames);

    /// <summary>Draws once for <paramref name="now"/>; returns when to wake up next.</summary>
    public Instant RenderOnce(Instant now)
    {
        var snapshot = _state.Snapshot();
        _startedAt ??= now;
        var composed = _composer.Compose(snapshot, now, _startedAt);
        var slide = composed.Selection.Slide.ToString();
        var newSlide = slide != _lastSlide;
        if (newSlide)
        {
            Log.SlideShown(_logger, slide, composed.Selection.Emergency ? "emergency" : "rotation");
            _lastSlide = slide;
        }

        try
        {
            _frame.Render(composed.Slide, composed.Footer, composed.Header, (bitmap, dirty) =>
            {
                if (_fading is not null && _shown && dirty == bitmap.Info.Rect)
                {
                    // A new slide: keep what the display shows (a blend, if a fade was under way) and fade from it.
                    _fading.BeginFade(bitmap);
                    _fader.Start(now);
                }
                else if (!_fader.Active)
                {
                    // (A footer change during a fade is drawn by the fade's next step.)
                    _output.Write(bitmap, dirty);
                    Interlocked.Increment(ref _frames);
                }

                _shown = true;
            });

            if (_fader.Active)
            {
                var (weight, next) = _fader.Step(now);
                _frame.Show(bitmap =>
                {
                    if (next is null)
                    {
                        _output.Write(bitmap, bitmap.Info.Rect);
                    }
                    else
                    {
                        _fading!.WriteFade(bitmap, weight);
                    }
                });
                Interlocked.Increment(ref _frames);
                if (next is { } n && n < composed.WakeAt)
                {
                    return n;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The display may come back (a replugged HDMI, a full disk freed): redraw everything next time.
            Log.OutputFailed(_logger, ex, _output.Description);
            _frame.Invalidate();
            _fader.Cancel();
            _shown = false;
            return now + Duration.FromSeconds(5);
        }

        if (newSlide && composed.Selection.SlotEnd > now)
        {
            // The next slide's poster is decoded now, while this one shows, so its turn starts at once.
            var next = _composer.Compose(snapshot, composed.Selection.SlotEnd, _startedAt);
            _frame.Prefetch(next.Slide, next.Header);
        }

        return composed.WakeAt;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = Instant.FromDateTimeOffset(_time.GetUtcNow());
            Instant wake;
            try
            {
                wake = RenderOnce(now);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The screen must keep going (the clock at least); a bad model or layout bug is logged and retried.
                Log.RenderFailed(_logger, ex);
                wake = now + Duration.FromSeconds(5);
            }

            var sleep = (wake - now).ToTimeSpan();
            if (sleep < MinimumSleep)
            {
                sleep = MinimumSleep;
            }

            using var wakeUp = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(sleep, _time, wakeUp.Token);
            var changed = _state.WaitForChangeAsync(wakeUp.Token);
            try
            {
                await Task.WhenAny(delay, changed).ConfigureAwait(false);
            }
            finally
            {
                await wakeUp.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(delay, changed).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }
}
