using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Service;

/// <summary>Guards the one frame renderer shared by the render loop and screenshot requests.</summary>
public sealed class FrameHolder : IDisposable
{
    private readonly object _gate = new();
    private readonly FrameRenderer _renderer;
    private FrameRenderer? _preview;

    /// <summary>Wraps <paramref name="renderer"/>.</summary>
    public FrameHolder(FrameRenderer renderer) => _renderer = renderer;

    /// <summary>The renderer (use under <see cref="Render"/> or <see cref="EncodePng"/> only).</summary>
    internal FrameRenderer Renderer => _renderer;

    /// <summary>Brings the frame up to date and hands it to <paramref name="write"/> when something changed.</summary>
    public SKRectI? Render(SlideModel slide, FooterModel footer, string? header, Action<SKBitmap, SKRectI> write)
    {
        lock (_gate)
        {
            var dirty = _renderer.Render(slide, footer, header);
            if (dirty is { } d)
            {
                write(_renderer.Frame, d);
            }

            return dirty;
        }
    }

    /// <summary>Hands the current frame to <paramref name="write"/> (a cross-fade step), under the frame's lock.</summary>
    public void Show(Action<SKBitmap> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            write(_renderer.Frame);
        }
    }

    /// <summary>Decodes the poster of <paramref name="slide"/> ahead of its turn (nothing for other slides), under the frame's lock.</summary>
    public void Prefetch(SlideModel slide, string? header)
    {
        lock (_gate)
        {
            _renderer.Prefetch(slide, header);
        }
    }

    /// <summary>Forces a full redraw at the next render (after an output error).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _renderer.Invalidate();
        }
    }

    /// <summary>
    /// <paramref name="slide"/> drawn as this screen would, as PNG, on a separate bitmap (the live frame and
    /// the display are untouched); under the same lock, as layout and painter are shared.
    /// </summary>
    public byte[] RenderPreviewPng(SlideModel slide, FooterModel footer, string? header)
    {
        lock (_gate)
        {
            _preview ??= _renderer.Twin();
            _preview.Invalidate();
            _preview.Render(slide, footer, header);
            return _preview.EncodePng();
        }
    }

    /// <summary>The current frame as PNG (for screenshots).</summary>
    public byte[] EncodePng()
    {
        lock (_gate)
        {
            return _renderer.EncodePng();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _renderer.Dispose();
        _preview?.Dispose();
    }
}
