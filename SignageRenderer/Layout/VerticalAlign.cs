namespace MppSignage.SignageRenderer.Layout;

/// <summary>Where a fitted stack sits vertically in its area when it is shorter than the area.</summary>
public enum VerticalAlign
{
    /// <summary>At the top.</summary>
    Top,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>At the bottom.</summary>
    Bottom,
}
