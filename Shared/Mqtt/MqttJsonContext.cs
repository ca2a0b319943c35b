using System.Text.Json.Serialization;
using MppSignage.Shared.Control;

namespace MppSignage.Shared.Mqtt;

/// <summary>Source-generated JSON for the MQTT payload records (no reflection, trim-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(EventMessage))]
[JsonSerializable(typeof(OverrideInfo))]
[JsonSerializable(typeof(ScreenAvailability))]
[JsonSerializable(typeof(HistoryRequest))]
[JsonSerializable(typeof(HistoryPage))]
[JsonSerializable(typeof(OverrideSetMessage))]
[JsonSerializable(typeof(MppSignage.Shared.Announcements.AnnouncementDeleteMessage))]
public sealed partial class MqttJsonContext : JsonSerializerContext
{
    private static readonly Lazy<MqttJsonContext> RelaxedContext = new(() =>
        new MqttJsonContext(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>
    /// The context to use on the wire: '+' in offsets and Indonesian letters stay readable instead of
    /// <c>\u002B</c> escapes (payloads are never embedded in HTML, the only place the escaping matters).
    /// </summary>
    public static MqttJsonContext Wire => RelaxedContext.Value;
}
