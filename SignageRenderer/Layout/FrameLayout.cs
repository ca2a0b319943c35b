using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>A whole frame, laid out: the body (slide) elements and the footer elements, with their regions.</summary>
/// <param name="Geometry">Screen size and areas.</param>
/// <param name="Background">Background colour of the slide.</param>
/// <param name="Body">Elements of the slide, including the footer band's background.</param>
/// <param name="Footer">Elements of the footer's content (redrawn alone when only the minute changes).</param>
public sealed record FrameLayout(ScreenGeometry Geometry, SKColor Background, IReadOnlyList<LayoutElement> Body, IReadOnlyList<LayoutElement> Footer)
{
    /// <summary>Every text line of body and footer (for checks).</summary>
    public IEnumerable<TextLine> AllLines =>
        Body.Concat(Footer).OfType<TextElement>().SelectMany(t => t.Block.Lines);
}
