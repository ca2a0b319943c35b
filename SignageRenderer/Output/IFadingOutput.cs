using SkiaSharp;

namespace MppSignage.SignageRenderer.Output;

/// <summary>
/// An output that shows every frame it is given (a display), so a cross-fade between slides is worth drawing.
/// A PNG file is not one: viewers open it now and then, and a fade would only write files nobody sees.
/// </summary>
public interface IFadingOutput : IFrameOutput
{
    /// <summary>Keeps what the display shows now as the start of a fade to <paramref name="next"/>.</summary>
    void BeginFade(SKBitmap next);

    /// <summary>
    /// Shows the blend of the picture kept by <see cref="BeginFade"/> and <paramref name="frame"/> at
    /// <paramref name="weight"/> (0 = the old picture, <see cref="Drawing.CrossFade.FullWeight"/> = <paramref name="frame"/>),
    /// as one whole frame.
    /// </summary>
    void WriteFade(SKBitmap frame, int weight);
}
