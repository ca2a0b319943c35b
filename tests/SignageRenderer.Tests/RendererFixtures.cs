using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Text;

namespace MppSignage.SignageRenderer.Tests;

/// <summary>Renderer builders: a loaded font and a frame renderer (times, schedules and paths come from the test kit).</summary>
internal static class RendererFixtures
{
    private static readonly Lazy<FontSet> SharedFonts = new(() => FontSet.Load("DejaVu Sans", "Display:Font"));

    public static FontSet Fonts => SharedFonts.Value;

    public static FrameRenderer Renderer(ScreenGeometry geometry, bool bilingual = true)
    {
        var fitter = new TextFitter(Fonts);
        return new FrameRenderer(geometry, new FrameLayouter(fitter, bilingual), new FramePainter(fitter));
    }
}
