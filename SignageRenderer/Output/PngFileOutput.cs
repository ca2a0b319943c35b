using MppSignage.MqttHost;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Output;

/// <summary>
/// Writes each frame as a PNG file, replaced atomically (temporary file in the same directory, flushed to
/// disk, then renamed over the old one), so a viewer or a power cut never sees half a file.
/// </summary>
public sealed class PngFileOutput : IFrameOutput
{
    private readonly string _path;

    /// <summary>Writes to <paramref name="path"/>.</summary>
    public PngFileOutput(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(dir);
    }

    /// <inheritdoc />
    public string Description => $"PNG file {_path}";

    /// <inheritdoc />
    public void Write(SKBitmap frame, SKRectI dirty)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var pixmap = frame.PeekPixels() ?? throw new InvalidOperationException("The frame has no pixels.");
        using var data = pixmap.Encode(Drawing.FrameRenderer.FastPng)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the frame as PNG.");
        AtomicFile.Write(_path, data.AsSpan());
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
