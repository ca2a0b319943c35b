using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>A fitted text block.</summary>
/// <param name="Block">The block.</param>
public sealed record TextElement(TextBlock Block) : LayoutElement
{
    /// <inheritdoc />
    public override SKRect Box => Block.Bounds;
}
