using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Text;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Drawing;

/// <summary>Draws laid-out elements onto a canvas.</summary>
public sealed class FramePainter
{
    private readonly TextFitter _fitter;

    /// <summary>Creates a painter that draws text with <paramref name="fitter"/>'s fonts.</summary>
    public FramePainter(TextFitter fitter)
    {
        ArgumentNullException.ThrowIfNull(fitter);
        _fitter = fitter;
    }

    /// <summary>Clears to the background and draws the body elements (everything but the footer's content).</summary>
    public void PaintBody(SKCanvas canvas, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(layout);
        canvas.Clear(layout.Background);
        Paint(canvas, layout.Body);
    }

    /// <summary>Draws the footer's content.</summary>
    public void PaintFooter(SKCanvas canvas, FrameLayout layout)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(layout);
        Paint(canvas, layout.Footer);
    }

    private void Paint(SKCanvas canvas, IReadOnlyList<LayoutElement> elements)
    {
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var element in elements)
        {
            switch (element)
            {
                case FillElement fill:
                    paint.Color = fill.Color;
                    paint.Style = SKPaintStyle.Fill;
                    if (fill.Radius > 0)
                    {
                        canvas.DrawRoundRect(fill.Rect, fill.Radius, fill.Radius, paint);
                    }
                    else
                    {
                        canvas.DrawRect(fill.Rect, paint);
                    }

                    break;
                case TextElement text:
                    DrawText(canvas, text.Block, paint);
                    break;
                case QrElement qr:
                    DrawQr(canvas, qr);
                    break;
                case LogoElement logo:
                    // Rasterised once at its box's size (Logo caches it): a 1:1 copy per frame.
                    canvas.DrawImage(logo.Logo.Raster(logo.Pixels.Width, logo.Pixels.Height), logo.Pixels.Left, logo.Pixels.Top, new SKSamplingOptions(SKFilterMode.Nearest), null);
                    break;
                case Posters.PosterElement poster:
                    // Decoded at its drawn size: a 1:1 copy, linear filtering only matters for a cropped or stretched fallback.
                    canvas.DrawImage(poster.Poster.Image, poster.Source, poster.Dest, new SKSamplingOptions(SKFilterMode.Linear), null);
                    break;
                default:
                    throw new InvalidOperationException($"No painter for layout element {element.GetType().Name}.");
            }
        }
    }

    private void DrawText(SKCanvas canvas, TextBlock block, SKPaint paint)
    {
        if (block.Lines.Count == 0)
        {
            return;
        }

        paint.Color = block.Color;
        paint.Style = SKPaintStyle.Fill;
        using var font = _fitter.CreateFont(block.FontSize, block.Bold);
        foreach (var line in block.Lines)
        {
            if (line.GlyphX is { } glyphX)
            {
                // Spaced headline: each text element where the fitter placed it.
                var starts = System.Globalization.StringInfo.ParseCombiningCharacters(line.Text);
                for (var i = 0; i < starts.Length && i < glyphX.Count; i++)
                {
                    var end = i + 1 < starts.Length ? starts[i + 1] : line.Text.Length;
                    canvas.DrawText(line.Text[starts[i]..end], line.X + glyphX[i], line.Baseline, SKTextAlign.Left, font, paint);
                }

                continue;
            }

            canvas.DrawText(line.Text, line.X, line.Baseline, SKTextAlign.Left, font, paint);
        }
    }

    private static void DrawQr(SKCanvas canvas, QrElement qr)
    {
        // Whole-pixel modules without antialiasing: soft module edges cost scanners accuracy.
        using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill, Color = Theme.QrLight };
        canvas.DrawRect(qr.Box, paint);
        paint.Color = Theme.QrDark;
        var m = qr.ModulePixels;
        for (var y = 0; y < qr.Matrix.Size; y++)
        {
            // Merge runs of dark modules in a row into one rectangle: fewer draw calls.
            var x = 0;
            while (x < qr.Matrix.Size)
            {
                if (!qr.Matrix.IsDark(x, y))
                {
                    x++;
                    continue;
                }

                var start = x;
                while (x < qr.Matrix.Size && qr.Matrix.IsDark(x, y))
                {
                    x++;
                }

                canvas.DrawRect(SKRect.Create(qr.Origin.X + (start * m), qr.Origin.Y + (y * m), (x - start) * m, m), paint);
            }
        }
    }
}
