using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Text;

namespace MppSignage.SignageRenderer.Hosting;

/// <summary>
/// The screen's look from validated options: the site's logo (<c>Site:Logo</c>), colours (<c>Theme</c>) and
/// type (<c>Display:Font</c>, loaded by the caller) put into one layouter. The service and the <c>render</c>
/// verb both build theirs here, so a preview looks like the screen.
/// </summary>
public static class SignageLook
{
    /// <summary>Loads <c>Site:Logo</c> when set; false with the reason (naming the key) when it cannot be used.</summary>
    public static bool TryLoadLogo(SignageOptions options, out Logo? logo, out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        logo = null;
        error = null;
        return options.Site.LogoPath() is not { } path || Logo.TryLoad(path, "Site:Logo", out logo, out error);
    }

    /// <summary>The layouter for <paramref name="options"/> (validated: language and theme are known to be good).</summary>
    /// <param name="fitter">Text measurement with the loaded fonts.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="logo">The loaded <c>Site:Logo</c>, or null.</param>
    /// <param name="posters">Decoded posters for poster slides; null: they show their caption as text.</param>
    public static FrameLayouter Layouter(TextFitter fitter, SignageOptions options, Logo? logo, Posters.IPosterSource? posters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FrameLayouter(fitter, options.Display.Bilingual()!.Value, posters)
        {
            Palette = options.Theme.Palette() ?? throw new ArgumentException("Theme is invalid: validate the options (SignageOptionsValidator) first.", nameof(options)),
            Logo = logo,
        };
    }
}
