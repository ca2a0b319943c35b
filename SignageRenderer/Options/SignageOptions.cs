using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MppSignage.Shared.Mqtt;

namespace MppSignage.SignageRenderer.Options;

/// <summary>
/// Every option of the renderer, bound from configuration (appsettings.json, <c>--Section:Key=value</c>,
/// <c>MPP_Section__Key</c>) by the source-generated binder and checked by the source-generated
/// <see cref="SignageOptionsValidator"/> (each section's rules in its <see cref="IValidatableObject.Validate"/>):
/// each problem names the key and the fix. <c>Display:Cec</c> is <see cref="Display.CecOptions"/>.
/// </summary>
public sealed class SignageOptions
{
    /// <summary><c>Site</c>.</summary>
    [ValidateObjectMembers]
    public SignageSiteOptions Site { get; set; } = new();

    /// <summary><c>Screen</c>.</summary>
    [ValidateObjectMembers]
    public SignageScreenOptions Screen { get; set; } = new();

    /// <summary><c>Mqtt</c>.</summary>
    [ValidateObjectMembers]
    public SignageMqttOptions Mqtt { get; set; } = new();

    /// <summary><c>Display</c>.</summary>
    [ValidateObjectMembers]
    public SignageDisplayOptions Display { get; set; } = new();

    /// <summary><c>Qr</c>.</summary>
    [ValidateObjectMembers]
    public SignageQrOptions Qr { get; set; } = new();

    /// <summary><c>Rotation</c>.</summary>
    [ValidateObjectMembers]
    public SignageRotationOptions Rotation { get; set; } = new();

    /// <summary><c>Theme</c>: the site's colours.</summary>
    [ValidateObjectMembers]
    public SignageThemeOptions Theme { get; set; } = new();

    /// <summary><c>Posters</c>.</summary>
    [ValidateObjectMembers]
    public SignagePosterOptions Posters { get; set; } = new();

    /// <summary>
    /// Binds every section of <paramref name="configuration"/>. A value that does not convert to its key's type
    /// (<c>Rotation:ShowQr=maybe</c>) is reported in <paramref name="problems"/> as <c>Key: 'value' must be …</c>;
    /// each section is bound on its own, so one bad value does not hide the others'.
    /// </summary>
    public static SignageOptions Bind(IConfiguration configuration, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var o = new SignageOptions();
        Section(problems, "Site", () => configuration.GetSection("Site").Bind(o.Site));
        Section(problems, "Screen", () => configuration.GetSection("Screen").Bind(o.Screen));
        Section(problems, "Mqtt", () => configuration.GetSection("Mqtt").Bind(o.Mqtt));
        Section(problems, "Display", () => configuration.GetSection("Display").Bind(o.Display));
        Section(problems, "Qr", () => configuration.GetSection("Qr").Bind(o.Qr));
        Section(problems, "Rotation", () => configuration.GetSection("Rotation").Bind(o.Rotation));
        Section(problems, "Theme", () => configuration.GetSection("Theme").Bind(o.Theme));
        Section(problems, "Posters", () => configuration.GetSection("Posters").Bind(o.Posters));
        return o;
    }

    /// <summary>Binds and validates; null with every problem when the configuration is unusable.</summary>
    public static SignageOptions? Load(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var o = Bind(configuration, errors);
        if (new SignageOptionsValidator().Validate(null, o) is { Failed: true } result)
        {
            errors.AddRange(result.Failures);
        }

        if (ScreenUserProblem(o) is { } screenUser)
        {
            errors.Add(screenUser);
        }

        problems = errors;
        return errors.Count == 0 ? o : null;
    }

    /// <summary>
    /// A screen publishes only as its own screen id (the broker refuses the rest), so <c>Screen:Id</c> must be
    /// the one <c>Mqtt:Username</c> is bound to (<see cref="ScreenUsers.ScreenIdOf"/>): a mismatch would start
    /// a screen whose screenshots and availability are all refused.
    /// </summary>
    private static string? ScreenUserProblem(SignageOptions o)
    {
        var screen = o.Screen.ScreenId();
        if (!Shared.Announcements.AnnouncementJson.IsValidId(screen))
        {
            return null; // Screen:Id's own problem says it.
        }

        var user = Text(o.Mqtt.Username) ?? SignageMqttOptions.DefaultUsername;
        if (ScreenUsers.ScreenIdOf(user) == screen)
        {
            return null;
        }

        var bound = ScreenUsers.ScreenIdOf(user) is { } other ? $"is bound to screen '{other}'" : "is bound to no screen";
        return $"Screen:Id: '{screen}' does not match Mqtt:Username: '{Shared.Input.UntrustedText.ForLog(user)}' {bound}, and a screen may publish only as its own id. "
            + $"Fix: connect as '{ScreenUsers.UserOf(screen)}' (Mqtt:Username, with its password; the user '{ScreenUsers.DefaultUser}' is screen '{ScreenUsers.DefaultScreenId}', user '{ScreenUsers.Prefix}<id>' is screen <id>) or set Screen:Id to the user's screen.";
    }

    /// <summary>A value as given, trimmed; null when empty (empty means "use the default").</summary>
    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A problem whose message already names the key (no member name, so nothing is prefixed).</summary>
    internal static ValidationResult Problem(string message) => new(message);

    internal static ValidationResult? SpanProblem(string key, TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min || value > max
            ? Problem($"{key}: '{value:c}' must be a duration hh:mm:ss from {min:c} to {max:c} (e.g. 00:02:00 for two minutes).")
            : null;

    private static void Section(ICollection<string> problems, string section, Action bind)
    {
        try
        {
            bind();
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ConversionProblem(section, ex.Message));
        }
    }

    /// <summary>
    /// The binder's "Failed to convert configuration value 'maybe' at 'Rotation:ShowQr' to type 'System.Boolean'."
    /// (or, with <c>UseSystemResourceKeys</c>, the resource key followed by the same three values) as
    /// <c>Rotation:ShowQr: 'maybe' must be true or false.</c>
    /// </summary>
    internal static string ConversionProblem(string section, string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "'(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'");
        if (!match.Success)
        {
            match = System.Text.RegularExpressions.Regex.Match(message, "^[A-Za-z_]+, (?<value>.*), (?<key>[A-Za-z0-9_:]+), (?<type>System\\.[A-Za-z0-9.]+)$");
        }

        if (!match.Success)
        {
            return $"{section}: {message} Fix: give a value of that type.";
        }

        var expected = match.Groups["type"].Value switch
        {
            "System.Int32" => "must be a whole number",
            "System.Boolean" => "must be true or false",
            "System.TimeSpan" => "must be a duration hh:mm:ss (e.g. 00:02:00 for two minutes)",
            var t => $"must be a {t}",
        };
        return $"{match.Groups["key"].Value}: '{match.Groups["value"].Value}' {expected}.";
    }
}
