using System.Text.Json.Serialization;
using MppSignage.Shared.Mqtt;

namespace MppSignage.SignageRenderer.Service;

/// <summary>Source-generated JSON for the payloads the renderer reads.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(StatusMessage))]
internal sealed partial class SignageJsonContext : JsonSerializerContext;
