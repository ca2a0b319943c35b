using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Text;

namespace MppSignage.SignageRenderer.Tests;

/// <summary>Renderer builders: a loaded font, a frame renderer and the services' options (times, schedules and paths come from the test kit).</summary>
internal static class RendererFixtures
{
    private static readonly Lazy<FontSet> SharedFonts = new(() => FontSet.Load("DejaVu Sans", "Display:Font"));

    public static FontSet Fonts => SharedFonts.Value;

    public static FrameRenderer Renderer(ScreenGeometry geometry, bool bilingual = true)
    {
        var fitter = new TextFitter(Fonts);
        return new FrameRenderer(geometry, new FrameLayouter(fitter, bilingual), new FramePainter(fitter));
    }

    /// <summary>The default options with a QR target and a 2-minute stale time; <paramref name="hoursAndQr"/> false turns both slides off.</summary>
    public static Microsoft.Extensions.Options.IOptions<SignageOptions> ServiceOptions(bool hoursAndQr = true) =>
        Microsoft.Extensions.Options.Options.Create(new SignageOptions
        {
            Display = { StaleAfter = TimeSpan.FromMinutes(2) },
            Qr = { WhatsAppNumber = "6281234567890" },
            Rotation = { ShowHours = hoursAndQr, ShowQr = hoursAndQr },
        });
}
