namespace MppSignage.Shared.Announcements;

/// <summary>How a screen's rotation is built.</summary>
/// <param name="StatusSeconds">How long the status slide stays.</param>
/// <param name="HoursSeconds">How long the hours slide stays.</param>
/// <param name="QrSeconds">How long the QR slide stays.</param>
/// <param name="ShowHours">Whether the hours slide is in the rotation.</param>
/// <param name="ShowQr">Whether the QR slide is in the rotation.</param>
/// <param name="StatusEvery">The status slide comes back after this many other slides.</param>
public sealed record RotationSettings(
    int StatusSeconds = 15,
    int HoursSeconds = 10,
    int QrSeconds = 10,
    bool ShowHours = true,
    bool ShowQr = true,
    int StatusEvery = 2)
{
    /// <summary>The defaults.</summary>
    public static readonly RotationSettings Default = new();
}
