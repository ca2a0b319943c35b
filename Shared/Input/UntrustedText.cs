using System.Globalization;

namespace MppSignage.Shared.Input;

/// <summary>
/// Text that came from outside (a user name, a schedule field, a topic): the characters that may never
/// reach a screen, a log or the journal, and the one way to make such text short and harmless for a log.
/// </summary>
public static class UntrustedText
{
    /// <summary>Longest user name, client id or topic quoted in a log line or event.</summary>
    public const int MaxLoggedChars = 64;

    /// <summary>
    /// True for characters a text field may not hold: C0/C1 controls (line breaks included), the bidi
    /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), the
    /// zero-width characters (U+200B–U+200D, U+2060, U+FEFF), lone surrogates and non-characters.
    /// They reorder or hide what staff and visitors read (a "Trojan Source" closure reason) or break lines.
    /// </summary>
    public static bool IsForbidden(char c) =>
        char.IsControl(c)
        || c is >= '\u200B' and <= '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2060' and <= '\u2069'
        || c is '\u061C' or '\uFEFF' or '\uFFFE' or '\uFFFF'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u00AD';

    /// <summary>The index of the first forbidden character (see <see cref="IsForbidden"/>) or a lone surrogate, or -1.</summary>
    public static int IndexOfForbidden(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsForbidden(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// <paramref name="text"/> made safe for one log line: at most <paramref name="maxChars"/> characters
    /// (then "…" and the original length), forbidden characters shown as <c>?</c>; <c>(none)</c> for null or empty.
    /// </summary>
    public static string ForLog(string? text, int maxChars = MaxLoggedChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (string.IsNullOrEmpty(text))
        {
            return "(none)";
        }

        var length = Math.Min(text.Length, maxChars);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var chars = text.AsSpan(0, length).ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (IsForbidden(chars[i]) || char.IsSurrogate(chars[i]) && !IsPaired(chars, i))
            {
                chars[i] = '?';
            }
        }

        var shown = new string(chars);
        return length < text.Length ? $"{shown}… ({text.Length} chars)" : shown;
    }

    private static bool IsPaired(char[] chars, int i) =>
        char.IsHighSurrogate(chars[i]) ? i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])
        : i > 0 && char.IsHighSurrogate(chars[i - 1]);
}
