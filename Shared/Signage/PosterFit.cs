namespace MppSignage.Shared.Signage;

/// <summary>How a poster is fitted to the screen.</summary>
public enum PosterFit
{
    /// <summary>The whole poster, as large as fits; the rest of the screen shows <see cref="PosterBackground"/>.</summary>
    Contain,

    /// <summary>The screen filled; what overflows is cropped evenly from both sides.</summary>
    Cover,
}
