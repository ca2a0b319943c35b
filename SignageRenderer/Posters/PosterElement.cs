using MppSignage.SignageRenderer.Layout;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>A poster drawn from <paramref name="Source"/> (pixels of the decoded image) into <paramref name="Dest"/>.</summary>
/// <param name="Poster">The decoded poster.</param>
/// <param name="Source">The part of the image shown (all of it for contain, the centre for cover).</param>
/// <param name="Dest">Where on the screen.</param>
public sealed record PosterElement(DecodedPoster Poster, SKRect Source, SKRect Dest) : LayoutElement
{
    /// <inheritdoc />
    public override SKRect Box => Dest;
}
