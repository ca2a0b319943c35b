using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>A filled (optionally rounded) rectangle: cards, bands, badges.</summary>
/// <param name="Rect">The rectangle.</param>
/// <param name="Color">Fill colour.</param>
/// <param name="Radius">Corner radius in pixels.</param>
public sealed record FillElement(SKRect Rect, SKColor Color, float Radius = 0) : LayoutElement
{
    /// <inheritdoc />
    public override SKRect Box => Rect;
}
