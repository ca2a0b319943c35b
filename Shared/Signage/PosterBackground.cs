namespace MppSignage.Shared.Signage;

/// <summary>What fills the screen around a contained poster.</summary>
/// <param name="Kind">Taken from the image, the theme, or a fixed colour.</param>
/// <param name="Rgb">The colour as 0xRRGGBB when <paramref name="Kind"/> is <see cref="PosterBackgroundKind.Color"/>.</param>
public sealed record PosterBackground(PosterBackgroundKind Kind, int Rgb = 0)
{
    /// <summary>The average colour of the poster's edge, so the poster seems to continue to the screen's edges.</summary>
    public static readonly PosterBackground Auto = new(PosterBackgroundKind.Auto);

    /// <summary>The theme's slide background.</summary>
    public static readonly PosterBackground Theme = new(PosterBackgroundKind.Theme);

    /// <summary>A fixed colour <c>0xRRGGBB</c>.</summary>
    public static PosterBackground Color(int rgb) => new(PosterBackgroundKind.Color, rgb & 0xFFFFFF);
}

/// <summary>Where the background of a contained poster comes from.</summary>
public enum PosterBackgroundKind
{
    /// <summary>The average colour of the poster's outermost pixels.</summary>
    Auto,

    /// <summary>The theme's slide background.</summary>
    Theme,

    /// <summary>A fixed colour.</summary>
    Color,
}
