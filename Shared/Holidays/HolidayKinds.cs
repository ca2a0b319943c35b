using System.Text.RegularExpressions;

namespace MppSignage.Shared.Holidays;

/// <summary>The holiday kinds every schedule knows, and the rule for local kinds.</summary>
public static partial class HolidayKinds
{
    /// <summary>A national public holiday (hari libur nasional), set by the yearly SKB 3 Menteri or a Keppres.</summary>
    public const string LiburNasional = "libur-nasional";

    /// <summary>A collective leave day (cuti bersama) for civil servants, set by the same SKB.</summary>
    public const string CutiBersama = "cuti-bersama";

    /// <summary>The kinds known without declaration.</summary>
    public static IReadOnlyList<string> BuiltIn { get; } = [LiburNasional, CutiBersama];

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="BuiltIn"/>.</summary>
    public static bool IsBuiltIn(string kind) => kind is LiburNasional or CutiBersama;

    /// <summary>
    /// Whether <paramref name="kind"/> is a well-formed kind name: lower-case ASCII letter first,
    /// then letters, digits or <c>-</c> (<c>^[a-z][a-z0-9-]*$</c>), at most 64 characters.
    /// </summary>
    public static bool IsWellFormed(string kind) => kind.Length <= 64 && KindPattern().IsMatch(kind);

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}
