using System.ComponentModel.DataAnnotations;
using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.SignageRenderer.Options;

/// <summary>Section <c>Site</c>: which site the screen belongs to.</summary>
public sealed class SignageSiteOptions : IValidatableObject
{
    /// <summary>Default site id.</summary>
    public const string DefaultId = "probolinggo";

    /// <summary>Default display name in the slide header.</summary>
    public const string DefaultName = "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO";

    /// <summary>Default zone, used until the schedule or status says otherwise.</summary>
    public const string DefaultTimeZone = "Asia/Jakarta";

    /// <summary><c>Site:Id</c>.</summary>
    public string? Id { get; set; } = DefaultId;

    /// <summary><c>Site:Name</c>: shown in the header of every slide; empty hides the header.</summary>
    public string? Name { get; set; } = DefaultName;

    /// <summary><c>Site:Logo</c>: the site's logo (a PNG or SVG file) drawn in the header of every slide; empty: none.</summary>
    public string? Logo { get; set; }

    /// <summary>The logo file (trimmed), or null for none.</summary>
    public string? LogoPath() => SignageOptions.Text(Logo);

    /// <summary><c>Site:TimeZone</c>: a tz database zone.</summary>
    public string? TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>The site id (trimmed; the default when empty).</summary>
    public string SiteId() => SignageOptions.Text(Id) ?? DefaultId;

    /// <summary>The zone, or null when <see cref="TimeZone"/> is not a tz database zone.</summary>
    public DateTimeZone? Zone() => DateTimeZoneProviders.Tzdb.GetZoneOrNull(SignageOptions.Text(TimeZone) ?? DefaultTimeZone);

    /// <summary>The header text: the default when unset, null (no header) when blank.</summary>
    public string? HeaderName() => Name is null ? DefaultName : (Name.Trim().Length == 0 ? null : Name.Trim());

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Topics.IsValidSiteId(SiteId()))
        {
            yield return SignageOptions.Problem($"Site:Id: '{SiteId()}' must be 1-64 characters of a-z, 0-9, '-' or '_' (and not 'all'), e.g. {DefaultId}.");
        }

        if (Zone() is null)
        {
            yield return SignageOptions.Problem($"Site:TimeZone: '{SignageOptions.Text(TimeZone)}' is not a tz database zone; use e.g. Asia/Jakarta.");
        }
    }
}
