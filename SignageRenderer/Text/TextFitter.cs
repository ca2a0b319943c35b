using MppSignage.SignageRenderer.Layout;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Text;

/// <summary>
/// Wraps and shrinks text so that it fits an area: never clipped, never overflowing. A stack of blocks is
/// scaled together (so the typographic hierarchy is kept) to the largest scale at which every line fits
/// the width and the whole stack fits the height; a one-line block (a headline) additionally shrinks on
/// its own to fit the width instead of wrapping. The result carries each line's measured box so callers
/// and tests can check containment.
/// </summary>
/// <remarks>
/// Widths are measured once per word at a reference size and scaled linearly (linear metrics, no hinting,
/// no kerning in <c>DrawText</c>), which keeps the search over scales cheap; the final placement measures
/// every line at its real size and shrinks a little more if anything still pokes out.
/// </remarks>
public sealed class TextFitter : IDisposable
{
    private const float RefSize = 100f;
    private const int MaxCachedWidths = 8192;
    private const float Tolerance = 0.5f;

    private readonly FontSet _fonts;
    private readonly SKFont _refRegular;
    private readonly SKFont _refBold;
    private readonly Dictionary<(string Text, bool Bold), float> _widths = new();
    private readonly float _ascent;
    private readonly float _descent;

    /// <summary>Creates a fitter over <paramref name="fonts"/>.</summary>
    public TextFitter(FontSet fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        _fonts = fonts;
        _refRegular = CreateFont(RefSize, bold: false);
        _refBold = CreateFont(RefSize, bold: true);
        var mr = _refRegular.Metrics;
        var mb = _refBold.Metrics;
        _ascent = Math.Min(mr.Ascent, mb.Ascent);
        _descent = Math.Max(mr.Descent, mb.Descent);
    }

    /// <summary>The fonts.</summary>
    public FontSet Fonts => _fonts;

    /// <summary>A font for drawing or measuring at <paramref name="size"/>; the caller disposes it.</summary>
    public SKFont CreateFont(float size, bool bold) => new(bold ? _fonts.Bold : _fonts.Regular, size)
    {
        LinearMetrics = true,
        Subpixel = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
        Embolden = bold && _fonts.FakeBold,
    };

    /// <summary>Height of one line (ascent to descent) at <paramref name="size"/>.</summary>
    public float NaturalHeight(float size) => (_descent - _ascent) * size / RefSize;

    /// <summary>Fits a single block into <paramref name="area"/>.</summary>
    public TextBlock Fit(TextSpec spec, SKRect area, VerticalAlign vertical = VerticalAlign.Top) =>
        FitStack([spec], area, vertical)[0];

    /// <summary>Fits <paramref name="specs"/> stacked top to bottom into <paramref name="area"/>.</summary>
    public IReadOnlyList<TextBlock> FitStack(IReadOnlyList<TextSpec> specs, SKRect area, VerticalAlign vertical = VerticalAlign.Top)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (area.Width <= 1 || area.Height <= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(area), area, "The text area is empty.");
        }

        var prepared = specs.Select(s => new Prepared(s, _fonts.Sanitize(s.Text))).ToList();
        var scale = 1f;
        if (!Fits(prepared, area, scale))
        {
            var lo = 0.01f;
            var hi = 1f;
            while (!Fits(prepared, area, lo) && lo > 0.0005f)
            {
                lo /= 2;
            }

            for (var i = 0; i < 16; i++)
            {
                var mid = (lo + hi) / 2;
                if (Fits(prepared, area, mid))
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            scale = lo;
        }

        for (var attempt = 0; ; attempt++)
        {
            var blocks = Place(prepared, area, scale, vertical);
            if (attempt >= 40 || blocks.All(b => b.Lines.All(l => Inside(l.Box, area))))
            {
                return blocks;
            }

            scale *= 0.97f;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _refRegular.Dispose();
        _refBold.Dispose();
    }

    private static bool Inside(SKRect box, SKRect area) =>
        box.Left >= area.Left - Tolerance && box.Right <= area.Right + Tolerance
        && box.Top >= area.Top - Tolerance && box.Bottom <= area.Bottom + Tolerance;

    private bool Fits(List<Prepared> prepared, SKRect area, float scale)
    {
        var total = 0f;
        for (var i = 0; i < prepared.Count; i++)
        {
            var p = prepared[i];
            var (size, lines) = Lines(p, area.Width, scale);
            if (lines is null)
            {
                return false;
            }

            total += BlockHeight(p.Spec.Style, size, lines.Count, first: i == 0);
            if (total > area.Height)
            {
                return false;
            }
        }

        return true;
    }

    private float BlockHeight(TextStyle style, float size, int lineCount, bool first)
    {
        if (lineCount == 0)
        {
            return 0;
        }

        var h0 = NaturalHeight(size);
        return (first ? 0 : style.SpaceBefore * size) + h0 + ((lineCount - 1) * h0 * style.LineSpacing);
    }

    /// <summary>The font size and lines of a block at a scale, or null lines when it cannot fit the width or its line limit.</summary>
    private (float Size, List<string>? Lines) Lines(Prepared p, float width, float scale)
    {
        var style = p.Spec.Style;
        var size = style.Size * scale;
        if (p.Text.Length == 0)
        {
            return (size, []);
        }

        if (style.MaxLines == 1)
        {
            // Headlines never wrap: they shrink to the width on their own.
            var paragraphs = p.Text.Split('\n');
            var widest = paragraphs.Max(line => style.MinInkGap > 0 ? Spaced(line, style.Bold, style.MinInkGap).Width : Width(line, style.Bold));
            var widthAtSize = widest * size / RefSize;
            if (widthAtSize > width)
            {
                size *= width / widthAtSize * 0.999f;
            }

            return (size, paragraphs.ToList());
        }

        if (style.NoWrap)
        {
            var paragraphs = p.Text.Split('\n');
            return paragraphs.Any(line => Width(line, style.Bold) * size / RefSize > width) ? (size, null) : (size, paragraphs.ToList());
        }

        var lines = Wrap(p.Text, style.Bold, width * RefSize / size);
        if (style.MaxLines > 1 && lines.Count > style.MaxLines)
        {
            return (size, null);
        }

        return (size, lines);
    }

    /// <summary>
    /// Greedy wrap at a width given in reference-size units. A paragraph of phrases joined by <c> · </c>
    /// (<c>Tutup pukul 14.00 · 10 menit lagi</c>) breaks between phrases first, the separator dropped at the
    /// break, so no line ends or starts with it; then by words; words wider than a line by characters.
    /// </summary>
    private List<string> Wrap(string text, bool bold, float refWidth)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            if (!paragraph.Contains(PhraseSeparator, StringComparison.Ordinal) || Width(paragraph, bold) <= refWidth)
            {
                lines.AddRange(WrapWords(paragraph, bold, refWidth));
                continue;
            }

            var current = "";
            foreach (var phrase in paragraph.Split(PhraseSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var joined = current.Length == 0 ? phrase : current + PhraseSeparator + phrase;
                if (current.Length > 0 && Width(joined, bold) > refWidth)
                {
                    lines.AddRange(WrapWords(current, bold, refWidth));
                    current = phrase;
                }
                else
                {
                    current = joined;
                }
            }

            lines.AddRange(WrapWords(current, bold, refWidth));
        }

        return lines;
    }

    private List<string> WrapWords(string paragraph, bool bold, float refWidth)
    {
        var lines = new List<string>();
        var space = Width(" ", bold);
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                lines.Add("");
                return lines;
            }

            var current = "";
            var currentWidth = 0f;
            foreach (var word in words)
            {
                var w = Width(word, bold);
                if (current.Length > 0 && currentWidth + space + w <= refWidth)
                {
                    current += " " + word;
                    currentWidth += space + w;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                if (w <= refWidth)
                {
                    current = word;
                    currentWidth = w;
                    continue;
                }

                // A word longer than the line (a long URL or name): break it between characters.
                current = "";
                currentWidth = 0;
                foreach (var piece in BreakWord(word, bold, refWidth))
                {
                    if (current.Length > 0)
                    {
                        lines.Add(current);
                    }

                    current = piece;
                    currentWidth = Width(piece, bold);
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    private const string PhraseSeparator = " · ";

    private List<string> BreakWord(string word, bool bold, float refWidth)
    {
        var pieces = new List<string>();
        var starts = System.Globalization.StringInfo.ParseCombiningCharacters(word);
        var font = bold ? _refBold : _refRegular;
        var first = 0;
        while (first < starts.Length)
        {
            // Take at least one text element, then as many more as fit.
            var end = first + 1;
            while (end < starts.Length)
            {
                var stop = end + 1 < starts.Length ? starts[end + 1] : word.Length;
                if (font.MeasureText(word.AsSpan(starts[first], stop - starts[first])) > refWidth)
                {
                    break;
                }

                end++;
            }

            var pieceEnd = end < starts.Length ? starts[end] : word.Length;
            pieces.Add(word[starts[first]..pieceEnd]);
            first = end;
        }

        return pieces;
    }

    private IReadOnlyList<TextBlock> Place(List<Prepared> prepared, SKRect area, float scale, VerticalAlign vertical)
    {
        var laid = new List<(Prepared P, float Size, List<string> Lines)>();
        var total = 0f;
        for (var i = 0; i < prepared.Count; i++)
        {
            var (size, lines) = Lines(prepared[i], area.Width, scale);
            lines ??= Wrap(prepared[i].Text, prepared[i].Spec.Style.Bold, area.Width * RefSize / size);
            laid.Add((prepared[i], size, lines));
            total += BlockHeight(prepared[i].Spec.Style, size, lines.Count, first: i == 0);
        }

        var y = vertical switch
        {
            VerticalAlign.Center => area.Top + Math.Max(0, (area.Height - total) / 2),
            VerticalAlign.Bottom => area.Top + Math.Max(0, area.Height - total),
            _ => area.Top,
        };

        var blocks = new List<TextBlock>(laid.Count);
        for (var i = 0; i < laid.Count; i++)
        {
            var (p, size, lines) = laid[i];
            var style = p.Spec.Style;
            if (lines.Count > 0 && i > 0)
            {
                y += style.SpaceBefore * size;
            }

            using var font = CreateFont(size, style.Bold);
            var ascent = _ascent * size / RefSize;
            var descent = _descent * size / RefSize;
            var pitch = NaturalHeight(size) * style.LineSpacing;
            var placed = new List<TextLine>(lines.Count);
            for (var j = 0; j < lines.Count; j++)
            {
                var baseline = y - ascent + (j * pitch);
                float advance;
                SKRect ink;
                IReadOnlyList<float>? glyphX = null;
                if (style.MinInkGap > 0 && style.MaxLines == 1)
                {
                    var spaced = Spaced(lines[j], style.Bold, style.MinInkGap);
                    var k = size / RefSize;
                    advance = spaced.Width * k;
                    ink = spaced.Ink.IsEmpty ? SKRect.Empty : new SKRect(spaced.Ink.Left * k, spaced.Ink.Top * k, spaced.Ink.Right * k, spaced.Ink.Bottom * k);
                    glyphX = spaced.X.Select(x => x * k).ToArray();
                }
                else
                {
                    advance = font.MeasureText(lines[j], out ink);
                }

                var x = style.Align switch
                {
                    TextAlign.Center => area.MidX - (advance / 2),
                    TextAlign.Right => area.Right - advance,
                    _ => area.Left,
                };
                var box = new SKRect(x, baseline + ascent, x + advance, baseline + descent);
                if (!ink.IsEmpty)
                {
                    box = SKRect.Union(box, new SKRect(x + ink.Left, baseline + ink.Top, x + ink.Right, baseline + ink.Bottom));
                }

                // Glyphs such as 'J' reach left of their origin: nudge the line so its ink stays inside the area.
                var dx = box.Left < area.Left ? area.Left - box.Left : box.Right > area.Right ? Math.Max(area.Right - box.Right, area.Left - box.Left) : 0;
                if (dx != 0)
                {
                    x += dx;
                    box.Offset(dx, 0);
                }

                placed.Add(new TextLine(lines[j], x, baseline, box) { GlyphX = glyphX });
            }

            if (lines.Count > 0)
            {
                y += NaturalHeight(size) + ((lines.Count - 1) * pitch);
            }

            blocks.Add(new TextBlock(placed, size, style.Bold, style.Color));
        }

        return blocks;
    }

    /// <summary>
    /// The line placed glyph by glyph at the reference size: each text element at its advance, moved right
    /// where its ink would come closer than <paramref name="minGap"/> (× size) to the ink before it.
    /// </summary>
    private (float[] X, float Width, SKRect Ink) Spaced(string text, bool bold, float minGap)
    {
        var font = bold ? _refBold : _refRegular;
        var starts = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        var xs = new float[starts.Length];
        var x = 0f;
        float? previousInkRight = null;
        var all = SKRect.Empty;
        for (var i = 0; i < starts.Length; i++)
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : text.Length;
            var advance = font.MeasureText(text.AsSpan(starts[i], end - starts[i]), out var ink);
            var position = x;
            if (ink.IsEmpty)
            {
                // A space separates words: no ink to keep apart across it.
                previousInkRight = null;
            }
            else
            {
                if (previousInkRight is { } right && position + ink.Left - right < minGap * RefSize)
                {
                    position = right + (minGap * RefSize) - ink.Left;
                }

                previousInkRight = position + ink.Right;
                var placed = new SKRect(position + ink.Left, ink.Top, position + ink.Right, ink.Bottom);
                all = all.IsEmpty ? placed : SKRect.Union(all, placed);
            }

            xs[i] = position;
            x = position + advance;
        }

        return (xs, x, all);
    }

    private float Width(string text, bool bold)
    {
        if (_widths.TryGetValue((text, bold), out var w))
        {
            return w;
        }

        if (_widths.Count >= MaxCachedWidths)
        {
            // Texts change over months (announcements, the footer's minute): keep the cache bounded.
            _widths.Clear();
        }

        w = (bold ? _refBold : _refRegular).MeasureText(text);
        _widths[(text, bold)] = w;
        return w;
    }

    private sealed record Prepared(TextSpec Spec, string Text);
}
