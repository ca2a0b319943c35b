using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>One laid-out line of text.</summary>
/// <param name="Text">What is drawn.</param>
/// <param name="X">Left edge of the text (start of the advance).</param>
/// <param name="Baseline">Baseline y.</param>
/// <param name="Box">The measured box: advance width × (ascent…descent), unioned with the glyphs' ink bounds.</param>
public sealed record TextLine(string Text, float X, float Baseline, SKRect Box)
{
    /// <summary>
    /// Where each text element of <see cref="Text"/> starts, relative to <see cref="X"/>, when the line is
    /// spaced glyph by glyph (<see cref="TextStyle.MinInkGap"/>); null for plain text.
    /// </summary>
    public IReadOnlyList<float>? GlyphX { get; init; }
}
