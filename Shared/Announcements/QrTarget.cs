using System.Text.Json.Serialization;

namespace MppSignage.Shared.Announcements;

/// <summary>The link a QR code encodes, with an optional caption under it.</summary>
/// <param name="Url">Absolute <c>https://</c>, <c>http://</c>, <c>tel:</c> or <c>mailto:</c> link.</param>
/// <param name="Caption">Caption shown beside the code, or null.</param>
public sealed record QrTarget(string Url, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LocalizedText? Caption = null);
