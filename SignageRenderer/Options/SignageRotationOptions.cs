using System.ComponentModel.DataAnnotations;
using MppSignage.Shared.Announcements;

namespace MppSignage.SignageRenderer.Options;

/// <summary>Section <c>Rotation</c>: how long each slide stays and which are shown (defaults: <see cref="RotationSettings.Default"/>).</summary>
public sealed class SignageRotationOptions : IValidatableObject
{
    /// <summary><c>Rotation:StatusSeconds</c> (3-600).</summary>
    public int StatusSeconds { get; set; } = RotationSettings.Default.StatusSeconds;

    /// <summary><c>Rotation:HoursSeconds</c> (3-600).</summary>
    public int HoursSeconds { get; set; } = RotationSettings.Default.HoursSeconds;

    /// <summary><c>Rotation:QrSeconds</c> (3-600).</summary>
    public int QrSeconds { get; set; } = RotationSettings.Default.QrSeconds;

    /// <summary><c>Rotation:ShowHours</c>.</summary>
    public bool ShowHours { get; set; } = RotationSettings.Default.ShowHours;

    /// <summary><c>Rotation:ShowQr</c>.</summary>
    public bool ShowQr { get; set; } = RotationSettings.Default.ShowQr;

    /// <summary><c>Rotation:StatusEvery</c> (1-20).</summary>
    public int StatusEvery { get; set; } = RotationSettings.Default.StatusEvery;

    /// <summary>The rotation as the core takes it.</summary>
    public RotationSettings Settings() => new(StatusSeconds, HoursSeconds, QrSeconds, ShowHours, ShowQr, StatusEvery);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, value, min, max) in new[]
        {
            ("Rotation:StatusSeconds", StatusSeconds, 3, 600),
            ("Rotation:HoursSeconds", HoursSeconds, 3, 600),
            ("Rotation:QrSeconds", QrSeconds, 3, 600),
            ("Rotation:StatusEvery", StatusEvery, 1, 20),
        })
        {
            if (value < min || value > max)
            {
                yield return SignageOptions.Problem($"{key}: '{value}' must be a whole number from {min} to {max}.");
            }
        }
    }
}
