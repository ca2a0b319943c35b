using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>Something drawn on a slide, with the box it occupies.</summary>
public abstract record LayoutElement
{
    /// <summary>The area the element covers.</summary>
    public abstract SKRect Box { get; }
}
