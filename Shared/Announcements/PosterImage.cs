using System.Text.Json.Serialization;

namespace MppSignage.Shared.Announcements;

/// <summary>
/// The poster of a kind-<c>image</c> announcement: <c>{"sha256":"…","fit":"contain","background":"auto"}</c>. The
/// asset is the processed image the controller keeps under that SHA-256 (uploaded on <c>mpp/{site}/uploads/put</c>,
/// published retained on <c>mpp/{site}/assets/{sha256}</c>).
/// </summary>
/// <param name="Sha256">The asset id: 64 lowercase hex digits, the SHA-256 of the processed bytes.</param>
/// <param name="Fit"><c>contain</c> (default) or <c>cover</c>.</param>
/// <param name="Background">Around a contained poster: <c>auto</c> (default: the colour of the poster's edge), <c>theme</c>
/// (the screen's theme background) or a colour <c>#rrggbb</c>.</param>
public sealed record PosterImage(string Sha256, PosterFit Fit = PosterFit.Contain, string Background = PosterImage.AutoBackground)
{
    /// <summary>The background taken from the poster's edge.</summary>
    public const string AutoBackground = "auto";

    /// <summary>The theme's background colour.</summary>
    public const string ThemeBackground = "theme";

    /// <summary>True for <c>"background":"auto"</c>.</summary>
    [JsonIgnore] public bool IsAutoBackground => Background == AutoBackground;

    /// <summary>True for <c>"background":"theme"</c>.</summary>
    [JsonIgnore] public bool IsThemeBackground => Background == ThemeBackground;

    /// <summary>The colour of <c>"background":"#rrggbb"</c> as 0xRRGGBB, or null for auto/theme.</summary>
    [JsonIgnore] public int? BackgroundRgb => TryParseRgb(Background, out var rgb) ? rgb : null;

    /// <summary>True when <paramref name="sha256"/> is 64 lowercase hex digits.</summary>
    public static bool IsValidSha256(string? sha256) =>
        sha256 is { Length: 64 } && sha256.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The asset id of <paramref name="bytes"/>: their SHA-256 as 64 lowercase hex digits (the one way it is computed).</summary>
    public static string Sha256Of(ReadOnlySpan<byte> bytes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>Reads <c>#rrggbb</c> (hex digits in either case).</summary>
    public static bool TryParseRgb(string? text, out int rgb)
    {
        rgb = 0;
        return text is { Length: 7 } && text[0] == '#'
            && text.AsSpan(1).IndexOfAnyExcept("0123456789abcdefABCDEF") < 0
            && int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out rgb);
    }
}
