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
        WriteAtomically(_path, data.AsSpan());
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="bytes"/> atomically.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
