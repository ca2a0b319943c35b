using MppSignage.SignageRenderer.Drawing;
using NodaTime;

namespace MppSignage.SignageRenderer.Service;

/// <summary>
/// Times a cross-fade: <c>steps</c> frames over <c>duration</c>, the last one being the next slide itself. Each
/// step's weight comes from the time elapsed, so a loop that wakes late skips steps instead of stretching the fade.
/// </summary>
/// <param name="duration">The whole fade; zero turns fading off.</param>
/// <param name="steps">Frames drawn over it, the final one included (at least 2 when fading).</param>
public sealed class CrossFader(TimeSpan duration, int steps)
{
    private Instant? _start;

    /// <summary>No fade: slides change in one frame.</summary>
    public static CrossFader Off => new(TimeSpan.Zero, 0);

    /// <summary>True when slides change by a fade.</summary>
    public bool Enabled { get; } = duration > TimeSpan.Zero && steps >= 2;

    /// <summary>The whole fade.</summary>
    public Duration Length { get; } = Duration.FromTimeSpan(duration);

    /// <summary>Frames per fade, the final one included.</summary>
    public int Steps { get; } = steps;

    /// <summary>True between <see cref="Start"/> and the step that shows the next slide whole.</summary>
    public bool Active => _start is not null;

    /// <summary>Starts a fade at <paramref name="now"/> (again from the start when one is under way).</summary>
    public void Start(Instant now)
    {
        if (!Enabled)
        {
            throw new InvalidOperationException("Cross-fading is off (Display:FadeMilliseconds is 0); nothing can be started.");
        }

        _start = now;
    }

    /// <summary>Drops a fade under way (after an output error the next frame is drawn whole).</summary>
    public void Cancel() => _start = null;

    /// <summary>
    /// The weight of the next slide at <paramref name="now"/> (<see cref="CrossFade.FullWeight"/>: the fade is
    /// over, show the frame itself) and when the following step is due (null once over).
    /// </summary>
    public (int Weight, Instant? Next) Step(Instant now)
    {
        if (_start is not { } start)
        {
            throw new InvalidOperationException("No fade is under way: call Start first.");
        }

        // Step 1 at the start, step k one interval after step k - 1, the next slide itself as step Steps.
        var interval = Length / Steps;
        var step = (int)Math.Clamp(Math.Floor((now - start) / interval) + 1, 1, Steps);
        if (step >= Steps)
        {
            _start = null;
            return (CrossFade.FullWeight, null);
        }

        return (CrossFade.WeightAt(step, Steps), start + (interval * step));
    }
}
