using System.Text.Json;
using System.Text.Json.Serialization;
using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;
using NodaTime.Utility;

namespace MppSignage.Shared.Wire;

/// <summary>Date-times with offset on the wire: <see cref="IsoTime.Pattern"/> (<c>2024-07-01T08:00:00+07:00</c>).</summary>
public sealed class WireOffsetDateTimeConverter : JsonConverter<OffsetDateTime>
{
    /// <inheritdoc />
    public override OffsetDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WirePatternConverter.Read(ref reader, IsoTime.Pattern);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, OffsetDateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(IsoTime.Pattern.Format(value));
    }
}

/// <summary>Instants in state files: NodaTime's ISO form in UTC (<c>2024-07-01T01:00:00Z</c>).</summary>
public sealed class WireInstantConverter : JsonConverter<Instant>
{
    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WirePatternConverter.Read(ref reader, InstantPattern.ExtendedIso);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }
}

// What NodaTime.Serialization.SystemTextJson's pattern converter did (same exceptions, same messages), without its
// JsonSerializerOptions.GetConverter(Type) look-up, which is reflection the NativeAOT build cannot keep.
internal static class WirePatternConverter
{
    public static T Read<T>(ref Utf8JsonReader reader, IPattern<T> pattern)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new InvalidNodaDataException($"Unexpected token parsing {typeof(T).Name}. Expected String, got {reader.TokenType}.");
        }

        return pattern.Parse(reader.GetString()!).Value;
    }
}
