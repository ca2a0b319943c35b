using System.ComponentModel.DataAnnotations;
using System.Globalization;
using MppSignage.SignageRenderer.Layout;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Options;

/// <summary>
/// Section <c>Theme</c>: the site's colours as <c>#rrggbb</c> (empty: the project's default). Every colour text
/// is drawn on is checked against the text colours it carries (WCAG contrast at least 4.5:1), so a site's brand
/// colours cannot make the screen unreadable from the door.
/// </summary>
public sealed class SignageThemeOptions : IValidatableObject
{
    /// <summary><c>Theme:Background</c>: hours, QR, announcement and services slides (default #0b1f3a, navy).</summary>
    public string? Background { get; set; }

    /// <summary><c>Theme:Card</c>: directory cards on the background (default #17335c).</summary>
    public string? Card { get; set; }

    /// <summary><c>Theme:Text</c>: main text (default #ffffff).</summary>
    public string? Text { get; set; }

    /// <summary><c>Theme:Secondary</c>: English lines, secondary text (default #d6deea).</summary>
    public string? Secondary { get; set; }

    /// <summary><c>Theme:Accent</c>: titles and counters (default #facc15, yellow).</summary>
    public string? Accent { get; set; }

    /// <summary><c>Theme:Open</c>: status slide while open (default #0b6b3a, green).</summary>
    public string? Open { get; set; }

    /// <summary><c>Theme:ClosingSoon</c>: status slide before closing (default #9a4a00, amber).</summary>
    public string? ClosingSoon { get; set; }

    /// <summary><c>Theme:Closed</c>: status slide while closed, emergency announcements (default #9b1c1c, red).</summary>
    public string? Closed { get; set; }

    /// <summary>The palette, or null when a colour is not <c>#rrggbb</c>.</summary>
    public Palette? Palette()
    {
        var d = Layout.Palette.Default;
        SKColor? C(string? v, SKColor fallback) => SignageOptions.Text(v) is { } t ? ParseColor(t) : fallback;
        return (C(Background, d.Background), C(Card, d.Card), C(Text, d.Text), C(Secondary, d.Secondary), C(Accent, d.Accent), C(Open, d.Open), C(ClosingSoon, d.ClosingSoon), C(Closed, d.Closed)) is
            ({ } bg, { } card, { } text, { } secondary, { } accent, { } open, { } soon, { } closed)
            ? new Palette(bg, card, text, secondary, accent, open, soon, closed)
            : null;
    }

    /// <summary><c>#rrggbb</c> (case-insensitive) as an opaque colour; null otherwise.</summary>
    public static SKColor? ParseColor(string text)
    {
        var t = text.Trim();
        return t.Length == 7 && t[0] == '#' && uint.TryParse(t.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb)
            ? new SKColor(0xFF000000 | rgb)
            : null;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var bad = false;
        foreach (var (key, value) in Keys())
        {
            if (SignageOptions.Text(value) is { } t && ParseColor(t) is null)
            {
                bad = true;
                yield return SignageOptions.Problem($"Theme:{key}: '{Shared.Input.UntrustedText.ForLog(t)}' is not a colour; write it as #rrggbb, e.g. #0b1f3a.");
            }
        }

        if (bad || Palette() is not { } p)
        {
            yield break;
        }

        foreach (var (textKey, text, backKey, back) in new[]
        {
            ("Text", p.Text, "Background", p.Background),
            ("Text", p.Text, "Card", p.Card),
            ("Text", p.Text, "Open", p.Open),
            ("Text", p.Text, "ClosingSoon", p.ClosingSoon),
            ("Text", p.Text, "Closed", p.Closed),
            ("Secondary", p.Secondary, "Background", p.Background),
            ("Secondary", p.Secondary, "Card", p.Card),
            ("Accent", p.Accent, "Background", p.Background),
            ("Accent", p.Accent, "Card", p.Card),
        })
        {
            var ratio = Layout.Palette.Contrast(text, back);
            if (ratio < Layout.Palette.MinimumContrast)
            {
                yield return SignageOptions.Problem(
                    $"Theme:{textKey}: {Hex(text)} on Theme:{backKey} {Hex(back)} has a contrast of {ratio.ToString("0.0", CultureInfo.InvariantCulture)}:1, below {Layout.Palette.MinimumContrast.ToString("0.0", CultureInfo.InvariantCulture)}:1, unreadable from a distance; darken the background or lighten the text.");
            }
        }
    }

    private IEnumerable<(string Key, string? Value)> Keys() =>
    [
        (nameof(Background), Background), (nameof(Card), Card), (nameof(Text), Text), (nameof(Secondary), Secondary),
        (nameof(Accent), Accent), (nameof(Open), Open), (nameof(ClosingSoon), ClosingSoon), (nameof(Closed), Closed),
    ];

    private static string Hex(SKColor c) => $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";
}
