using SkiaSharp;

namespace MppSignage.SignageRenderer.Output;

/// <summary>Where finished frames go.</summary>
public interface IFrameOutput : IDisposable
{
    /// <summary>Shows <paramref name="frame"/> (BGRA, opaque); only <paramref name="dirty"/> changed since the last call.</summary>
    void Write(SKBitmap frame, SKRectI dirty);

    /// <summary>For the log: what and where.</summary>
    string Description { get; }
}
