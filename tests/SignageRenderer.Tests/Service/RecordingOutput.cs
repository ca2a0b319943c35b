using MppSignage.SignageRenderer.Output;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Service;

/// <summary>A display stand-in that records which regions were written.</summary>
internal sealed class RecordingOutput : IFrameOutput
{
    public List<SKRectI> Writes { get; } = [];

    public string Description => "recording";

    public void Write(SKBitmap frame, SKRectI dirty) => Writes.Add(dirty);

    public void Dispose()
    {
    }
}
