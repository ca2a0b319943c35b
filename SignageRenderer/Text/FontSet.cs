using System.Text;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Text;

/// <summary>
/// The regular and bold typefaces of the configured family, checked for every glyph the slides need.
/// Skia draws nothing (and throws nothing) for text in a font without the glyphs, so the check at start
/// is what turns a missing font into a clear error instead of a blank screen.
/// </summary>
public sealed class FontSet : IDisposable
{
    /// <summary>Characters the fixed slide texts use: Indonesian and English letters, digits, punctuation, the en dash and middle dot of times and footers.</summary>
    public const string RequiredCharacters =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;!?'\"()/-+&%–·…";

    private FontSet(SKTypeface regular, SKTypeface bold, string familyName, bool fakeBold)
    {
        Regular = regular;
        Bold = bold;
        FamilyName = familyName;
        FakeBold = fakeBold;
    }

    /// <summary>Regular weight.</summary>
    public SKTypeface Regular { get; }

    /// <summary>Bold weight (the regular one, emboldened, when the family has no bold).</summary>
    public SKTypeface Bold { get; }

    /// <summary>True when <see cref="Bold"/> must be drawn with <see cref="SKFont.Embolden"/>.</summary>
    public bool FakeBold { get; }

    /// <summary>The family actually loaded.</summary>
    public string FamilyName { get; }

    /// <summary>
    /// Loads <paramref name="familyOrPath"/> (a fontconfig family name such as <c>DejaVu Sans</c>, or a path to a
    /// .ttf/.otf file) and checks it. Returns the error message instead of throwing.
    /// </summary>
    /// <param name="familyOrPath">Family name or font file.</param>
    /// <param name="key">The configuration key or option that named the font, for the message.</param>
    /// <param name="fonts">The loaded set, or null.</param>
    /// <param name="error">Why it could not be used, or null.</param>
    public static bool TryLoad(string familyOrPath, string key, out FontSet? fonts, out string? error)
    {
        fonts = null;
        error = null;
        if (string.IsNullOrWhiteSpace(familyOrPath))
        {
            error = $"{key} is empty: set it to an installed font family such as \"DejaVu Sans\" (Debian package fonts-dejavu-core) or \"Noto Sans\" (fonts-noto-core), or to a .ttf/.otf file.";
            return false;
        }

        SKTypeface? regular;
        SKTypeface? bold = null;
        string family;
        if (LooksLikePath(familyOrPath))
        {
            if (!File.Exists(familyOrPath))
            {
                error = $"{key}: font file '{familyOrPath}' does not exist.";
                return false;
            }

            regular = SKTypeface.FromFile(familyOrPath);
            if (regular is null)
            {
                error = $"{key}: '{familyOrPath}' is not a font file SkiaSharp can read (TrueType or OpenType).";
                return false;
            }

            family = regular.FamilyName;
        }
        else
        {
            // MatchFamily returns null for an unknown family, unlike SKTypeface.FromFamilyName, which silently
            // falls back to whatever the default font is.
            regular = SKFontManager.Default.MatchFamily(familyOrPath, SKFontStyle.Normal);
            if (regular is null || !string.Equals(regular.FamilyName, familyOrPath, StringComparison.OrdinalIgnoreCase))
            {
                regular?.Dispose();
                var installed = SKFontManager.Default.GetFontFamilies().Distinct().Order().Take(12).ToList();
                error = $"{key}: font family \"{familyOrPath}\" is not installed. Install it (e.g. apt-get install fonts-dejavu-core or fonts-noto-core) or set {key} to an installed family"
                    + (installed.Count > 0 ? $" ({string.Join(", ", installed)})" : " (no fonts are installed at all: install fontconfig and fonts-dejavu-core)")
                    + " or to a .ttf/.otf file.";
                return false;
            }

            family = regular.FamilyName;
            bold = SKFontManager.Default.MatchFamily(familyOrPath, SKFontStyle.Bold);
            if (bold is not null && (!string.Equals(bold.FamilyName, family, StringComparison.OrdinalIgnoreCase) || bold.FontWeight < (int)SKFontStyleWeight.SemiBold))
            {
                bold.Dispose();
                bold = null;
            }
        }

        var missing = MissingCharacters(regular, RequiredCharacters);
        if (missing.Length > 0)
        {
            regular.Dispose();
            bold?.Dispose();
            error = $"{key}: font \"{family}\" lacks glyphs needed on the slides: {Describe(missing)}. Choose a font with Latin and general punctuation coverage, such as \"DejaVu Sans\" or \"Noto Sans\".";
            return false;
        }

        if (bold is not null && MissingCharacters(bold, RequiredCharacters).Length > 0)
        {
            bold.Dispose();
            bold = null;
        }

        fonts = new FontSet(regular, bold ?? regular, family, fakeBold: bold is null);
        return true;
    }

    /// <summary>Loads the font or throws <see cref="InvalidOperationException"/> with the reason.</summary>
    public static FontSet Load(string familyOrPath, string key)
    {
        if (!TryLoad(familyOrPath, key, out var fonts, out var error))
        {
            throw new InvalidOperationException(error);
        }

        return fonts!;
    }

    /// <summary>The characters of <paramref name="text"/> (as code points) that <paramref name="typeface"/> has no glyph for.</summary>
    public static string MissingCharacters(SKTypeface typeface, string text)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        using var font = new SKFont(typeface);
        var missing = new List<int>();
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value != '\n' && !missing.Contains(rune.Value) && font.GetGlyph(rune.Value) == 0)
            {
                missing.Add(rune.Value);
            }
        }

        return string.Concat(missing.Select(char.ConvertFromUtf32));
    }

    /// <summary>Replaces characters the font cannot draw (emoji, rare scripts in admin text) with '?', so nothing silently disappears.</summary>
    public string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var missing = MissingCharacters(Regular, text);
        if (missing.Length == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) && rune.Value != '\n')
            {
                continue;
            }

            builder.Append(missing.Contains(rune.ToString(), StringComparison.Ordinal) ? "?" : rune.ToString());
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!ReferenceEquals(Bold, Regular))
        {
            Bold.Dispose();
        }

        Regular.Dispose();
    }

    private static bool LooksLikePath(string s) =>
        s.Contains('/') || s.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".otf", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase);

    private static string Describe(string missing) =>
        string.Join(", ", missing.EnumerateRunes().Select(r => $"'{r}' (U+{r.Value:X4})"));
}
