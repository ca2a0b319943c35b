using MppSignage.SignageRenderer.Drawing;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>A QR code drawn as whole-pixel squares (crisp, scannable), quiet zone included.</summary>
/// <param name="Origin">Top-left corner (whole pixels).</param>
/// <param name="ModulePixels">Side of one module in whole pixels.</param>
/// <param name="Matrix">The modules.</param>
public sealed record QrElement(SKPointI Origin, int ModulePixels, QrMatrix Matrix) : LayoutElement
{
    /// <inheritdoc />
    public override SKRect Box => SKRect.Create(Origin.X, Origin.Y, Matrix.Size * ModulePixels, Matrix.Size * ModulePixels);
}
