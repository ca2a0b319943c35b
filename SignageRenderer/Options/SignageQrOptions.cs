using System.ComponentModel.DataAnnotations;

namespace MppSignage.SignageRenderer.Options;

/// <summary>Section <c>Qr</c>: the QR slide's targets (none configured: no QR slide).</summary>
public sealed class SignageQrOptions : IValidatableObject
{
    /// <summary><c>Qr:WhatsAppNumber</c>: the WA SMART MPP number.</summary>
    public string? WhatsAppNumber { get; set; }

    /// <summary><c>Qr:ReviewUrl</c>: the Google review link.</summary>
    public string? ReviewUrl { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var whatsApp = SignageOptions.Text(WhatsAppNumber);
        if (whatsApp is not null && (whatsApp.Count(char.IsAsciiDigit) is < 8 or > 15 || whatsApp.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')'))))
        {
            yield return SignageOptions.Problem($"Qr:WhatsAppNumber: '{whatsApp}' is not a phone number (8-15 digits, e.g. 6281234567890 or 0812-3456-7890).");
        }

        var review = SignageOptions.Text(ReviewUrl);
        if (review is not null && (!Uri.TryCreate(review, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            yield return SignageOptions.Problem($"Qr:ReviewUrl: '{review}' is not an absolute https:// link (e.g. https://g.page/r/…/review).");
        }
    }
}
