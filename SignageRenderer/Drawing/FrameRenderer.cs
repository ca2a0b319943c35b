using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Layout;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Drawing;

/// <summary>
/// Keeps one offscreen frame and redraws only what changed: the whole frame when the slide (or header)
/// changes, only the footer band when only the footer (the minute, the stale badge) changes, nothing
/// otherwise. The footer band's clean background is cached after each full draw, so a minute update is a
/// small copy plus one line of text.
/// </summary>
public sealed class FrameRenderer : IDisposable
{
    private readonly FrameLayouter _layouter;
    private readonly FramePainter _painter;
    private readonly SKBitmap _frame;
    private readonly SKCanvas _canvas;
    private readonly byte[] _footerBackground;
    private SlideModel? _slide;
    private string? _header;
    private FooterModel? _footer;
    private FrameLayout? _layout;

    /// <summary>Creates a renderer of <paramref name="geometry"/>-sized frames.</summary>
    /// <summary>A second renderer of the same size, fonts and layout, for previews that must not touch the live frame.</summary>
    internal FrameRenderer Twin() => new(Geometry, _layouter, _painter);

    public FrameRenderer(ScreenGeometry geometry, FrameLayouter layouter, FramePainter painter)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(layouter);
        ArgumentNullException.ThrowIfNull(painter);
        Geometry = geometry;
        _layouter = layouter;
        _painter = painter;
        // BGRA, opaque: the byte order of a 32 bpp Linux framebuffer (XRGB8888 little-endian), so a frame can be copied as is.
        _frame = new SKBitmap(new SKImageInfo(geometry.Width, geometry.Height, SKColorType.Bgra8888, SKAlphaType.Opaque));
        _canvas = new SKCanvas(_frame);
        _footerBackground = new byte[geometry.FooterRegion.Height * _frame.RowBytes];
    }

    /// <summary>The screen geometry.</summary>
    public ScreenGeometry Geometry { get; }

    /// <summary>The current frame (BGRA, opaque). Read it only between calls to <see cref="Render"/>.</summary>
    public SKBitmap Frame => _frame;

    /// <summary>The layout of the current frame, or null before the first render.</summary>
    public FrameLayout? CurrentLayout => _layout;

    /// <summary>The slide currently drawn, or null.</summary>
    public SlideModel? CurrentSlide => _slide;

    /// <summary>The footer currently drawn, or null.</summary>
    public FooterModel? CurrentFooter => _footer;

    /// <summary>Number of whole-frame draws so far.</summary>
    public long FullDraws { get; private set; }

    /// <summary>Number of footer-only draws so far.</summary>
    public long FooterDraws { get; private set; }

    /// <summary>
    /// Brings the frame up to date. Returns the region that changed (the whole frame or the footer band),
    /// or null when nothing changed.
    /// </summary>
    public SKRectI? Render(SlideModel slide, FooterModel footer, string? header)
    {
        ArgumentNullException.ThrowIfNull(slide);
        ArgumentNullException.ThrowIfNull(footer);
        if (_layout is null || !Equals(slide, _slide) || header != _header)
        {
            var (background, body) = _layouter.LayoutBody(Geometry, slide, header);
            var footerElements = _layouter.LayoutFooter(Geometry, footer);
            _layout = new FrameLayout(Geometry, background, body, footerElements);
            _painter.PaintBody(_canvas, _layout);
            _canvas.Flush();
            SaveFooterBackground();
            _painter.PaintFooter(_canvas, _layout);
            _canvas.Flush();
            (_slide, _header, _footer) = (slide, header, footer);
            FullDraws++;
            return Geometry.Bounds;
        }

        if (!Equals(footer, _footer))
        {
            _layout = _layout with { Footer = _layouter.LayoutFooter(Geometry, footer) };
            RestoreFooterBackground();
            _painter.PaintFooter(_canvas, _layout);
            _canvas.Flush();
            _footer = footer;
            FooterDraws++;
            return Geometry.FooterRegion;
        }

        return null;
    }

    /// <summary>Decodes the poster of <paramref name="slide"/> at the size this screen draws it, so its turn starts without a decode.</summary>
    public void Prefetch(SlideModel slide, string? header) => _layouter.PrefetchPoster(Geometry, slide, header);

    /// <summary>Forgets the current content so the next <see cref="Render"/> draws the whole frame.</summary>
    public void Invalidate() => _layout = null;

    /// <summary>
    /// PNG settings for frames: the Sub filter and zlib level 1. Slides are flat colours and text, so Sub
    /// leaves long runs of zeros that deflate quickly; measured about 3× faster than Skia's default
    /// (all filters, level 6) for ~45% more bytes (≈120 KB per 1080p frame).
    /// </summary>
    public static readonly SKPngEncoderOptions FastPng = new(SKPngEncoderFilterFlags.Sub, 1);

    /// <summary>Encodes the current frame as PNG.</summary>
    public byte[] EncodePng()
    {
        using var pixmap = _frame.PeekPixels() ?? throw new InvalidOperationException("The frame has no pixels to encode.");
        using var data = pixmap.Encode(FastPng)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the frame as PNG.");
        return data.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _canvas.Dispose();
        _frame.Dispose();
    }

    private void SaveFooterBackground()
    {
        var span = _frame.GetPixelSpan();
        var offset = Geometry.FooterRegion.Top * _frame.RowBytes;
        span.Slice(offset, _footerBackground.Length).CopyTo(_footerBackground);
    }

    private void RestoreFooterBackground()
    {
        var offset = Geometry.FooterRegion.Top * _frame.RowBytes;
        System.Runtime.InteropServices.Marshal.Copy(_footerBackground, 0, _frame.GetPixels() + offset, _footerBackground.Length);

        _frame.NotifyPixelsChanged();
    }
}
