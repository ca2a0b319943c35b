using SkiaSharp;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>
/// A poster decoded (by <c>Imaging/PosterDecoder</c>) for one area of one screen: already at the size it is drawn
/// (fitted inside the area for <c>contain</c>, covering it for <c>cover</c>), so a slide draws it 1:1. Owned by
/// the <see cref="PosterLibrary"/> that made it.
/// </summary>
/// <param name="Image">The pixels.</param>
/// <param name="EdgeColor">The average colour of its outermost pixels (the <c>auto</c> background).</param>
public sealed record DecodedPoster(SKImage Image, SKColor EdgeColor) : IDisposable
{
    /// <summary>Width in pixels.</summary>
    public int Width => Image.Width;

    /// <summary>Height in pixels.</summary>
    public int Height => Image.Height;

    /// <summary>Bytes of pixel memory held.</summary>
    public long Bytes => (long)Image.Width * Image.Height * 4;

    /// <inheritdoc />
    public void Dispose() => Image.Dispose();
}
