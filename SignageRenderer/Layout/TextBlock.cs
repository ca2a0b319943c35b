using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>A fitted block of text: its lines at their final size and position.</summary>
/// <param name="Lines">The lines, top to bottom.</param>
/// <param name="FontSize">Final font size in pixels.</param>
/// <param name="Bold">Bold weight.</param>
/// <param name="Color">Text colour.</param>
public sealed record TextBlock(IReadOnlyList<TextLine> Lines, float FontSize, bool Bold, SKColor Color)
{
    /// <summary>The union of the lines' boxes (empty when there are no lines).</summary>
    public SKRect Bounds
    {
        get
        {
            if (Lines.Count == 0)
            {
                return SKRect.Empty;
            }

            var r = Lines[0].Box;
            for (var i = 1; i < Lines.Count; i++)
            {
                r = SKRect.Union(r, Lines[i].Box);
            }

            return r;
        }
    }
}
