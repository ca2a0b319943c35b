namespace MppSignage.SignageRenderer.Layout;

/// <summary>Horizontal alignment of a text block inside its area.</summary>
public enum TextAlign
{
    /// <summary>Flush left.</summary>
    Left,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>Flush right.</summary>
    Right,
}
