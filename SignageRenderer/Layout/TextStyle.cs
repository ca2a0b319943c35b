using SkiaSharp;

namespace MppSignage.SignageRenderer.Layout;

/// <summary>How one block of text wants to look before fitting.</summary>
/// <param name="Size">Preferred font size in pixels (the fitter may shrink it, never grow it).</param>
/// <param name="Bold">Bold weight.</param>
/// <param name="Color">Text colour.</param>
/// <param name="Align">Alignment.</param>
/// <param name="MaxLines">1 = never wrap (shrink to the width instead, for headlines); 0 = wrap freely.</param>
/// <param name="SpaceBefore">Gap above the block, in multiples of its font size.</param>
/// <param name="LineSpacing">Line pitch in multiples of the font's natural line height.</param>
/// <param name="MinInkGap">
/// For one-line headlines: the least gap between the ink of adjacent glyphs, in multiples of the font size.
/// DejaVu Bold's K and A touch in BUKA (no kerning, K's leg reaches under A's slope); with a gap the line is
/// placed glyph by glyph, opening only the pairs that come closer than it.
/// </param>
/// <param name="NoWrap">Never wrap: the whole stack shrinks until every line fits the width (for lines that must read as one, like <c>Senin–Kamis 08.00–14.00 WIB</c>).</param>
public sealed record TextStyle(
    float Size,
    bool Bold,
    SKColor Color,
    TextAlign Align = TextAlign.Left,
    int MaxLines = 0,
    float SpaceBefore = 0f,
    float LineSpacing = 1.05f,
    bool NoWrap = false,
    float MinInkGap = 0f);
