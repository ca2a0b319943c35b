using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>The QR slide: one or two codes side by side (stacked in portrait).</summary>
/// <param name="Title">Slide title.</param>
/// <param name="Items">The codes.</param>
public sealed record QrSlideModel(LocalizedText Title, EquatableList<QrItem> Items) : SlideModel;
