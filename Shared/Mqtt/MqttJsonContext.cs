using System.Text.Json.Serialization;
using MppSignage.Shared.Control;

namespace MppSignage.Shared.Mqtt;

/// <summary>Source-generated JSON for the MQTT payload records (no reflection, trim-safe).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, WriteIndented = false)]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(EventMessage))]
[JsonSerializable(typeof(OverrideInfo))]
public sealed partial class MqttJsonContext : JsonSerializerContext;
