namespace MppSignage.Shared.Announcements;

/// <summary>How a poster fills the screen.</summary>
public enum PosterFit
{
    /// <summary>The whole poster is shown, as large as fits; the rest of the screen gets the <c>background</c>.</summary>
    Contain,

    /// <summary>The poster fills the screen; what sticks out is cut off (centred).</summary>
    Cover,
}
