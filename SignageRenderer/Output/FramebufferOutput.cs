using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Microsoft.Win32.SafeHandles;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Output;

/// <summary>
/// Copies finished frames to a Linux framebuffer device (or any file standing in for one). Frames are drawn
/// offscreen; here they are converted row by row into a staging buffer laid out exactly like the device
/// (16 bpp RGB565 or 32 bpp XRGB8888, little-endian, rows <c>stride</c> bytes apart including any padding)
/// and written with one positioned write, so the screen never shows a half-drawn frame. A cross-fade
/// (<see cref="IFadingOutput"/>) blends the kept picture and the next frame row by row into the same staging
/// buffer, in the device's format — only each row's span from the first to the last pixel that differs — and
/// writes each blend the same way: whole frames only.
/// </summary>
public sealed class FramebufferOutput : IFadingOutput
{
    private readonly SafeFileHandle _handle;
    private readonly FramebufferGeometry _fb;
    private readonly byte[] _staging;
    private readonly int _rotate;
    private readonly SKBitmap? _rotated;
    private readonly SKCanvas? _rotatedCanvas;
    private readonly int _rows;
    private readonly string _device;
    private bool _fading;
    private int _shownWeight;
    private int _fadeTop;
    private int _fadeBottom;
    private byte[]? _fadeTo;
    private int[]? _spanLeft;
    private int[]? _spanRight;

    /// <summary>Opens <paramref name="devicePath"/> for frames of <paramref name="frameWidth"/>×<paramref name="frameHeight"/>.</summary>
    /// <param name="devicePath">The device (<c>/dev/fb0</c>) or a plain file of at least stride × height bytes.</param>
    /// <param name="geometry">The framebuffer's layout.</param>
    /// <param name="frameWidth">Width of the frames that will be written.</param>
    /// <param name="frameHeight">Height of the frames that will be written.</param>
    /// <param name="rotate">Clockwise rotation (0, 90, 180, 270) for a screen mounted turned.</param>
    /// <exception cref="InvalidOperationException">The frame does not fit the framebuffer, or the device cannot be opened.</exception>
    public FramebufferOutput(string devicePath, FramebufferGeometry geometry, int frameWidth, int frameHeight, int rotate = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(devicePath);
        ArgumentNullException.ThrowIfNull(geometry);
        if (rotate is not (0 or 90 or 180 or 270))
        {
            throw new ArgumentOutOfRangeException(nameof(rotate), rotate, "Rotation must be 0, 90, 180 or 270.");
        }

        var (w, h) = rotate is 90 or 270 ? (frameHeight, frameWidth) : (frameWidth, frameHeight);
        if (w != geometry.Width || h > geometry.Height)
        {
            throw new InvalidOperationException(
                $"Display:Size {frameWidth}x{frameHeight} (rotated {rotate}°: {w}x{h}) does not match the framebuffer {geometry.Width}x{geometry.Height}; "
                + (w == geometry.Height && h == geometry.Width ? "set Display:Rotate to 90 or 270 for a screen mounted in portrait." : $"set Display:Size to {geometry.Width}x{geometry.Height}."));
        }

        _fb = geometry;
        _rotate = rotate;
        _rows = h;
        _device = devicePath;
        _staging = new byte[geometry.Stride * h];
        try
        {
            _handle = File.OpenHandle(devicePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Cannot open the framebuffer {devicePath} for writing ({ex.Message}); the service user needs the 'video' group, and Display:Framebuffer must name the device.", ex);
        }

        if (rotate != 0)
        {
            _rotated = new SKBitmap(new SKImageInfo(w, h, SKColorType.Bgra8888, SKAlphaType.Opaque));
            _rotatedCanvas = new SKCanvas(_rotated);
        }
    }

    /// <inheritdoc />
    public string Description => $"framebuffer {_device} ({_fb.Width}x{_fb.Height}, {_fb.BitsPerPixel} bpp, stride {_fb.Stride})";

    /// <inheritdoc />
    public void Write(SKBitmap frame, SKRectI dirty)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckFormat(frame);
        int top = Math.Clamp(dirty.Top, 0, _rows), bottom = Math.Clamp(dirty.Bottom, 0, _rows);
        var source = Oriented(frame);
        if (_rotate != 0)
        {
            (top, bottom) = (0, _rows);
        }

        if (bottom <= top)
        {
            return;
        }

        Convert(source, top, bottom);
        var offset = (long)top * _fb.Stride;
        RandomAccess.Write(_handle, _staging.AsSpan((int)offset, (bottom - top) * _fb.Stride), offset);
    }

    /// <inheritdoc />
    public void BeginFade(SKBitmap next)
    {
        ArgumentNullException.ThrowIfNull(next);
        CheckFormat(next);

        // The staging buffer holds exactly what was last written to the device: that is the picture to fade from.
        // It is not copied: each step blends the staging buffer (the previous step) further towards the next frame.
        _fading = true;
        _shownWeight = 0;

        // Only the pixels where the two pictures differ need blending: per row the span from the first to the
        // last differing pixel. Between two slides the header, the footer band and the margins are mostly the
        // same pixels, and a row that is the same is skipped whole.
        // A 16 bpp fade converts the next frame once, here, and blends RGB565 with RGB565 at every step.
        var source = Oriented(next);
        if (_fb.BitsPerPixel != 32)
        {
            _fadeTo ??= new byte[_staging.Length];
        }

        _spanLeft ??= new int[_rows];
        _spanRight ??= new int[_rows];
        int top = _rows, bottom = 0, left = _fb.Width, right = 0;
        for (var y = 0; y < _rows; y++)
        {
            var (l, r) = DifferingSpan(source, y, _fb.BitsPerPixel == 32 ? null : _fadeTo.AsSpan(y * _fb.Stride, _fb.Width * 2));
            (_spanLeft[y], _spanRight[y]) = (l, r);
            if (l < r)
            {
                top = Math.Min(top, y);
                bottom = y + 1;
                left = Math.Min(left, l);
                right = Math.Max(right, r);
            }
        }

        (_fadeTop, _fadeBottom) = top < bottom ? (top, bottom) : (0, 0);
        FadeBounds = top < bottom ? new SKRectI(left, top, right, bottom) : SKRectI.Empty;
    }

    /// <summary>
    /// The rectangle (device pixels) around every pixel the current fade blends, set by <see cref="BeginFade"/>;
    /// empty when the two pictures are the same. Pixels outside it, and outside each row's differing span, are never touched.
    /// </summary>
    public SKRectI FadeBounds { get; private set; }

    /// <inheritdoc />
    public void WriteFade(SKBitmap frame, int weight)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckFormat(frame);
        if (!_fading)
        {
            throw new InvalidOperationException("WriteFade needs BeginFade first: there is no picture to fade from.");
        }

        if (_fadeBottom <= _fadeTop)
        {
            return; // the two pictures are the same
        }

        // The staging buffer shows the blend at the previous step's weight p: the blend at w is that picture blended
        // with the next frame at (w − p) / (256 − p), in place. No copy of the old picture is kept, the rounding
        // stays below one level per step, and the last step (w = 256) is the next frame exactly.
        if (weight <= _shownWeight)
        {
            return;
        }

        var step = _shownWeight >= Drawing.CrossFade.FullWeight ? Drawing.CrossFade.FullWeight
            : (int)Math.Round((weight - _shownWeight) * (double)Drawing.CrossFade.FullWeight / (Drawing.CrossFade.FullWeight - _shownWeight));
        _shownWeight = weight;

        // (A footer change during the fade outside the differing spans shows with the final frame, a fade's length
        // later; at 16 bpp the blend's target is the frame converted at BeginFade, so any change does.)
        var bpp = _fb.BytesPerPixel;
        var source = bpp == 4 ? Oriented(frame) : null;
        var pixels = source is null ? default : source.GetPixelSpan();
        var srcStride = source?.RowBytes ?? 0;
        for (var y = _fadeTop; y < _fadeBottom; y++)
        {
            int l = _spanLeft![y], n = _spanRight![y] - l;
            if (n <= 0)
            {
                continue;
            }

            var at = (y * _fb.Stride) + (l * bpp);
            if (bpp == 4)
            {
                Drawing.CrossFade.Blend32(_staging.AsSpan(at, n * 4), pixels.Slice((y * srcStride) + (l * 4), n * 4), _staging.AsSpan(at, n * 4), step);
            }
            else
            {
                Drawing.CrossFade.Blend565(_staging.AsSpan(at, n * 2), _fadeTo!.AsSpan(at, n * 2), _staging.AsSpan(at, n * 2), step);
            }
        }

        // One positioned write of the rows that change: the rows around them already show both pictures' pixels.
        var offset = (long)_fadeTop * _fb.Stride;
        RandomAccess.Write(_handle, _staging.AsSpan((int)offset, (_fadeBottom - _fadeTop) * _fb.Stride), offset);
    }

    /// <summary>
    /// The pixels [left, right) of row <paramref name="y"/> where the device does not show <paramref name="source"/> yet:
    /// from the first to the last differing pixel; left = right when the row is the same.
    /// </summary>
    private (int Left, int Right) DifferingSpan(SKBitmap source, int y, Span<byte> converted)
    {
        var width = _fb.Width;
        var bpp = _fb.BytesPerPixel;
        ReadOnlySpan<byte> shown = _staging.AsSpan(y * _fb.Stride, width * bpp);
        ReadOnlySpan<byte> to = source.GetPixelSpan().Slice(y * source.RowBytes, width * 4);
        if (!converted.IsEmpty)
        {
            ToRgb565(to, converted, width);
            to = converted;
        }

        var first = shown.CommonPrefixLength(to);
        if (first == shown.Length)
        {
            return (0, 0);
        }

        return (first / bpp, (LastDifference(shown, to) / bpp) + 1);
    }

    /// <summary>The index of the last byte where <paramref name="a"/> and <paramref name="b"/> (same length, known to differ) differ.</summary>
    private static int LastDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        // Backwards in 64-byte blocks compared vectorised, then byte by byte inside the block that differs.
        const int Block = 64;
        var end = a.Length;
        while (end >= Block && a.Slice(end - Block, Block).SequenceEqual(b.Slice(end - Block, Block)))
        {
            end -= Block;
        }

        for (var i = end - 1; i >= 0; i--)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        throw new InvalidOperationException("LastDifference: the rows are the same.");
    }

    private static void CheckFormat(SKBitmap frame)
    {
        if (frame.ColorType != SKColorType.Bgra8888)
        {
            throw new ArgumentException($"Frames must be BGRA8888, not {frame.ColorType}.", nameof(frame));
        }
    }

    /// <summary>The frame as the device is mounted: itself, or turned into the rotation buffer.</summary>
    private SKBitmap Oriented(SKBitmap frame)
    {
        if (_rotate == 0)
        {
            return frame;
        }

        _rotatedCanvas!.Save();
        _rotatedCanvas.Translate(_rotated!.Width / 2f, _rotated.Height / 2f);
        _rotatedCanvas.RotateDegrees(_rotate);
        _rotatedCanvas.Translate(-frame.Width / 2f, -frame.Height / 2f);
        _rotatedCanvas.DrawBitmap(frame, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        _rotatedCanvas.Restore();
        _rotatedCanvas.Flush();
        return _rotated;
    }

    /// <summary>Converts rows [<paramref name="top"/>, <paramref name="bottom"/>) of a BGRA frame into the staging buffer.</summary>
    private void Convert(SKBitmap source, int top, int bottom)
    {
        var pixels = source.GetPixelSpan();
        var srcStride = source.RowBytes;
        var width = _fb.Width;
        for (var y = top; y < bottom; y++)
        {
            var src = pixels.Slice(y * srcStride, width * 4);
            var dst = _staging.AsSpan(y * _fb.Stride, _fb.Stride);
            if (_fb.BitsPerPixel == 32)
            {
                // XRGB8888 little-endian is B, G, R, X in memory: the frame's own byte order.
                src.CopyTo(dst);
            }
            else
            {
                ToRgb565(src, dst, width);
            }
        }
    }

    /// <summary>BGRA8888 → RGB565 little-endian, truncating each channel (r≫3, g≫2, b≫3).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // a hot loop run a few times a minute: never unoptimised
    public static void ToRgb565(ReadOnlySpan<byte> bgra, Span<byte> rgb565, int width)
    {
        var src = MemoryMarshal.Cast<byte, uint>(bgra[..(width * 4)]);
        var dst = MemoryMarshal.Cast<byte, ushort>(rgb565[..(width * 2)]);
        var x = 0;
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            // Eight pixels at a time (SSE2 here, NEON on the Pi): the same shifts and masks in 32-bit lanes.
            ref var s0 = ref MemoryMarshal.GetReference(src);
            ref var d0 = ref MemoryMarshal.GetReference(dst);
            for (; x <= width - 8; x += 8)
            {
                var a = Pack565(Vector128.LoadUnsafe(ref s0, (nuint)x));
                var b = Pack565(Vector128.LoadUnsafe(ref s0, (nuint)(x + 4)));
                Vector128.Narrow(a, b).StoreUnsafe(ref d0, (nuint)x);
            }
        }

        for (; x < width; x++)
        {
            // Little-endian uint of B,G,R,A bytes is 0xAARRGGBB.
            var p = src[x];
            var v = (ushort)(((p >> 8) & 0xF800) | ((p >> 5) & 0x07E0) | ((p >> 3) & 0x001F));
            dst[x] = BitConverter.IsLittleEndian ? v : BinaryPrimitives.ReverseEndianness(v);
        }
    }

    private static Vector128<uint> Pack565(Vector128<uint> p) =>
        ((p >> 8) & Vector128.Create(0xF800u))
        | ((p >> 5) & Vector128.Create(0x07E0u))
        | ((p >> 3) & Vector128.Create(0x001Fu));

    /// <inheritdoc />
    public void Dispose()
    {
        _rotatedCanvas?.Dispose();
        _rotated?.Dispose();
        _handle.Dispose();
    }
}
