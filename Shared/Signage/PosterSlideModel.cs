using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>
/// A poster slide (an announcement of kind image): the image asset full screen (above the footer), with an
/// optional caption band (title, body) and QR code below it.
/// </summary>
/// <param name="Image">Which asset, its fit and the background around a contained poster.</param>
/// <param name="Title">Caption title, or null.</param>
/// <param name="Body">Caption text, or null.</param>
/// <param name="Qr">QR code, or null.</param>
/// <param name="Emergency">The caption band in the emergency colours.</param>
public sealed record PosterSlideModel(
    PosterImage Image,
    LocalizedText? Title,
    LocalizedText? Body,
    QrItem? Qr,
    bool Emergency) : SlideModel
{
    /// <summary>True when the slide has a caption band (a title, a body or a QR code).</summary>
    public bool HasBand => !string.IsNullOrWhiteSpace(Title?.Id) || !string.IsNullOrWhiteSpace(Body?.Id) || Qr is not null;
}
