using MppSignage.Shared.Announcements;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>Where the layouter gets decoded posters from.</summary>
public interface IPosterSource
{
    /// <summary>
    /// The poster <paramref name="sha256"/> decoded for a <paramref name="box"/>-sized area with <paramref name="fit"/>
    /// (fitted inside it, or covering it); null when the asset is missing or cannot be decoded (the source reports why).
    /// The image stays valid until the next call.
    /// </summary>
    DecodedPoster? Poster(string sha256, SKSizeI box, PosterFit fit);
}
