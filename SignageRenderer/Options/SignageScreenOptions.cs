using System.ComponentModel.DataAnnotations;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;

namespace MppSignage.SignageRenderer.Options;

/// <summary>Section <c>Screen</c>: this screen, for targeting and screenshots.</summary>
public sealed class SignageScreenOptions : IValidatableObject
{
    /// <summary>Default screen id.</summary>
    public const string DefaultId = ScreenUsers.DefaultScreenId;

    /// <summary><c>Screen:Id</c>.</summary>
    public string? Id { get; set; } = DefaultId;

    /// <summary>The screen id (trimmed; the default when empty).</summary>
    public string ScreenId() => SignageOptions.Text(Id) ?? DefaultId;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AnnouncementJson.IsValidId(ScreenId()))
        {
            yield return SignageOptions.Problem($"Screen:Id: '{ScreenId()}' must be 1-64 characters of a-z, 0-9, '-' or '_', e.g. {DefaultId}.");
        }
    }
}
