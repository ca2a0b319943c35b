using MppSignage.SignageRenderer.Drawing;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>The site's logo drawn into <paramref name="Pixels"/> (whole pixels, aspect kept, centred).</summary>
public sealed record LogoElement(SKRectI Pixels, Logo Logo) : LayoutElement
{
    /// <inheritdoc />
    public override SKRect Box => Pixels;
}
