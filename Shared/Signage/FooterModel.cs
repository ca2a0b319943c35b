using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>The footer on every slide.</summary>
/// <param name="DateTime">Date and time (<c>Senin, 1 Juli 2024 · 08.15 WIB</c>).</param>
/// <param name="SiteName">The hall's name, or null.</param>
/// <param name="Warning">Shown highlighted when the data may be stale, or null.</param>
public sealed record FooterModel(string DateTime, string? SiteName, LocalizedText? Warning);
