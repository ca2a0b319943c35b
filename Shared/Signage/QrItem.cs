using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>One QR code with its caption.</summary>
/// <param name="Url">The link it encodes.</param>
/// <param name="Label">Bold label (e.g. <c>WA SMART MPP</c>), or null.</param>
/// <param name="Caption">Caption (e.g. the number or what to do), or null.</param>
public sealed record QrItem(string Url, string? Label, LocalizedText? Caption);
