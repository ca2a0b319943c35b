using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Signage;

/// <summary>
/// A poster slide: an image asset shown full screen (above the footer), with an optional caption band
/// (title, body) and QR code below it.
/// </summary>
/// <param name="Sha256">The asset's SHA-256 (64 lowercase hex digits): which poster to draw.</param>
/// <param name="Fit">Whole poster with a background around it, or the screen filled and the overflow cropped.</param>
/// <param name="Background">What fills the screen around a <see cref="PosterFit.Contain"/> poster.</param>
/// <param name="Title">Caption title, or null.</param>
/// <param name="Body">Caption text, or null.</param>
/// <param name="Qr">QR code, or null.</param>
/// <param name="Emergency">The caption band in the emergency colours.</param>
public sealed record PosterSlideModel(
    string Sha256,
    PosterFit Fit,
    PosterBackground Background,
    LocalizedText? Title,
    LocalizedText? Body,
    QrItem? Qr,
    bool Emergency) : SlideModel
{
    /// <summary>True when the slide has a caption band (a title, a body or a QR code).</summary>
    public bool HasBand => !string.IsNullOrWhiteSpace(Title?.Id) || !string.IsNullOrWhiteSpace(Body?.Id) || Qr is not null;
}
