using System.Text.Json.Serialization;

namespace MppSignage.Shared.Announcements;

/// <summary>A text in Indonesian (required) with an optional English second line.</summary>
/// <param name="Id">Indonesian text.</param>
/// <param name="En">English text, or null.</param>
public sealed record LocalizedText(string Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? En = null);
