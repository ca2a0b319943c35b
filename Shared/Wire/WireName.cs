using System.Text.Json;
using System.Text.Json.Serialization;

namespace MppSignage.Shared.Wire;

/// <summary>
/// The wire name of every enum value: its member name in kebab case (<c>ClosingSoon</c> → <c>closing-soon</c>),
/// the same naming policy <see cref="KebabEnumConverter{TEnum}"/> writes and reads in the JSON contexts.
/// </summary>
public static class WireName
{
    /// <summary>The policy of every enum on the wire.</summary>
    public static JsonNamingPolicy Policy => JsonNamingPolicy.KebabCaseLower;

    /// <summary><c>closing-soon</c> for <c>DoorPhase.ClosingSoon</c>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(TEnum).Name} value.");

    /// <summary>Reads a wire name back (exact, case-sensitive); false for anything else.</summary>
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(text, out value);

    /// <summary>Every wire name of <typeparamref name="TEnum"/>, in declaration order, for messages (<c>text, qr, services</c>).</summary>
    public static string List<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.List;

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => Policy.ConvertName(v.ToString()));

        public static readonly Dictionary<string, TEnum> ByName =
            ByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly string List = string.Join(", ", ByValue.Values);
    }
}

/// <summary>Writes and reads <typeparamref name="TEnum"/> by its <see cref="WireName"/> (kebab case) in the source-generated contexts.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class KebabEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
