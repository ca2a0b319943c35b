using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>A page of the services directory.</summary>
/// <param name="Title">Page title.</param>
/// <param name="Entries">Agencies with counter, services and requirements.</param>
/// <param name="ServicesLabel">Label before the services (<c>Layanan</c>).</param>
/// <param name="RequirementsLabel">Label before the requirements (<c>Persyaratan</c>).</param>
public sealed record ServicesSlideModel(
    LocalizedText Title,
    EquatableList<ServiceEntry> Entries,
    LocalizedText ServicesLabel,
    LocalizedText RequirementsLabel) : SlideModel
{
    /// <summary>This page's number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>How many pages the directory has; above 1 the slide shows <c>Page/PageCount</c>.</summary>
    public int PageCount { get; init; } = 1;
}
