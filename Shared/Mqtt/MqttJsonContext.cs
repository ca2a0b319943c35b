using System.Text.Json;
using System.Text.Json.Serialization;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Wire;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The source-generated JSON of every MQTT payload and state file record (no reflection, trim-safe);
/// <c>Shared/Wire/README.md</c> lists them. Enums are written in kebab case (<see cref="WireName"/>),
/// date-times as <see cref="IsoTime"/>, instants in state files by NodaTime's converter.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    RespectRequiredConstructorParameters = true,
    Converters =
    [
        typeof(WireOffsetDateTimeConverter),
        typeof(WireInstantConverter),
        typeof(KebabEnumConverter<AnnouncementKind>),
        typeof(KebabEnumConverter<AnnouncementPriority>),
        typeof(KebabEnumConverter<PosterFit>),
        typeof(KebabEnumConverter<OverrideTarget>),
    ])]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(EventMessage))]
[JsonSerializable(typeof(OverrideInfo))]
[JsonSerializable(typeof(ScreenAvailability))]
[JsonSerializable(typeof(HistoryRequest))]
[JsonSerializable(typeof(HistoryPage))]
[JsonSerializable(typeof(OverrideSetPayload))]
[JsonSerializable(typeof(OverrideStateFile))]
[JsonSerializable(typeof(AnnouncementPayload))]
[JsonSerializable(typeof(AnnouncementListPayload))]
[JsonSerializable(typeof(AnnouncementDeletePayload))]
[JsonSerializable(typeof(HomeAssistantConfig))]
public sealed partial class MqttJsonContext : JsonSerializerContext
{
    // Copies of the generated options (naming, converters) with the readable escaping: options passed to
    // the constructor replace the attribute's options, they do not add to them.
    private static JsonSerializerOptions GeneratedOptions => Default.Options;

    private static readonly Lazy<MqttJsonContext> WireContext = new(() =>
        new MqttJsonContext(new JsonSerializerOptions(GeneratedOptions) { Encoder = WireJson.Encoder }));

    private static readonly Lazy<MqttJsonContext> FileContext = new(() =>
        new MqttJsonContext(new JsonSerializerOptions(GeneratedOptions) { Encoder = WireJson.Encoder, WriteIndented = true }));

    /// <summary>
    /// The context to use on the wire: '+' in offsets and Indonesian letters stay readable instead of
    /// <c>\u002B</c> escapes (<see cref="WireJson.Encoder"/>).
    /// </summary>
    public static MqttJsonContext Wire => WireContext.Value;

    /// <summary>The same, indented, for state files a person may open (<c>override.json</c>).</summary>
    public static MqttJsonContext File => FileContext.Value;
}
