using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Layout;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace MppSignage.SignageRenderer.Options;

/// <summary>
/// The renderer's options as the services use them: typed (zone, geometry, output kind) and immutable, made
/// by <see cref="From"/> from validated <see cref="SignageOptions"/>. The defaults are the options' constants.
/// </summary>
public sealed record SignageSettings
{
    /// <summary><c>Site:Id</c>.</summary>
    public string SiteId { get; init; } = SignageSiteOptions.DefaultId;

    /// <summary><c>Site:Name</c>: shown in the header of every slide; empty hides the header.</summary>
    public string? SiteName { get; init; } = SignageSiteOptions.DefaultName;

    /// <summary><c>Site:TimeZone</c>: used until the schedule or status says otherwise.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZoneProviders.Tzdb[SignageSiteOptions.DefaultTimeZone];

    /// <summary><c>Screen:Id</c>: this screen, for targeting and screenshots.</summary>
    public string ScreenId { get; init; } = SignageScreenOptions.DefaultId;

    /// <summary><c>Mqtt:Host</c>.</summary>
    public string MqttHost { get; init; } = SignageMqttOptions.DefaultHost;

    /// <summary><c>Mqtt:Port</c>.</summary>
    public int MqttPort { get; init; } = SignageMqttOptions.DefaultPort;

    /// <summary><c>Mqtt:Username</c> (a user with the <c>screen</c> role).</summary>
    public string? MqttUsername { get; init; } = SignageMqttOptions.DefaultUsername;

    /// <summary><c>Mqtt:Password</c>; no default: the development password lives only in appsettings.Development.json.</summary>
    public string? MqttPassword { get; init; }

    /// <summary><c>Mqtt:Tls</c>: connect with TLS (Mosquitto's TLS listener).</summary>
    public bool MqttTls { get; init; }

    /// <summary><c>Mqtt:TlsCaFile</c>: PEM file of the CA that signed the broker's certificate; null: the system's trust store.</summary>
    public string? MqttTlsCaFile { get; init; }

    /// <summary><c>Mqtt:ReconnectMin</c>: first reconnect delay.</summary>
    public TimeSpan ReconnectMin { get; init; } = SignageMqttOptions.DefaultReconnectMin;

    /// <summary><c>Mqtt:ReconnectMax</c>: longest reconnect delay (the delay doubles up to it).</summary>
    public TimeSpan ReconnectMax { get; init; } = SignageMqttOptions.DefaultReconnectMax;

    /// <summary><c>Display:Output</c>: <c>png</c> or <c>framebuffer</c>.</summary>
    public OutputKind Output { get; init; } = OutputKind.Png;

    /// <summary><c>Display:Size</c>: <c>1920x1080</c> (landscape) or <c>1080x1920</c> (portrait).</summary>
    public ScreenGeometry Geometry { get; init; } = ScreenGeometry.TryParse(SignageDisplayOptions.DefaultSize)!;

    /// <summary><c>Display:PngPath</c>: the frame file for <c>png</c> output.</summary>
    public string PngPath { get; init; } = SignageDisplayOptions.DefaultPngPath;

    /// <summary><c>Display:Framebuffer</c>: the framebuffer device.</summary>
    public string FramebufferDevice { get; init; } = SignageDisplayOptions.DefaultFramebuffer;

    /// <summary><c>Display:FramebufferSysfs</c>: its sysfs directory (virtual_size, bits_per_pixel, stride).</summary>
    public string FramebufferSysfs { get; init; } = SignageDisplayOptions.DefaultFramebufferSysfs;

    /// <summary><c>Display:Rotate</c>: 0, 90, 180 or 270 degrees clockwise, for a screen mounted turned.</summary>
    public int Rotate { get; init; }

    /// <summary><c>Display:Font</c>: family name or font file.</summary>
    public string Font { get; init; } = SignageDisplayOptions.DefaultFont;

    /// <summary><c>Display:Language</c>: <c>id</c> or <c>id+en</c> (English second lines).</summary>
    public bool Bilingual { get; init; }

    /// <summary><c>Display:StaleAfter</c>.</summary>
    public TimeSpan StaleAfter { get; init; } = SignageDisplayOptions.DefaultStaleAfter;

    /// <summary><c>Qr:WhatsAppNumber</c>: the WA SMART MPP number.</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary><c>Qr:ReviewUrl</c>: the Google review link.</summary>
    public string? ReviewUrl { get; init; }

    /// <summary><c>Rotation:*</c>.</summary>
    public RotationSettings Rotation { get; init; } = RotationSettings.Default;

    /// <summary>Binds and validates <see cref="SignageOptions"/>; returns the settings, or null and every problem as <c>Key: reason</c>.</summary>
    public static SignageSettings? Load(IConfiguration configuration, out IReadOnlyList<string> problems) =>
        SignageOptions.Load(configuration, out problems) is { } options ? From(options) : null;

    /// <summary>The typed view of validated <paramref name="o"/>.</summary>
    public static SignageSettings From(SignageOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new SignageSettings
        {
            SiteId = o.Site.SiteId(),
            SiteName = o.Site.HeaderName(),
            Zone = o.Site.Zone() ?? throw Invalid("Site:TimeZone"),
            ScreenId = o.Screen.ScreenId(),
            MqttHost = SignageOptions.Text(o.Mqtt.Host) ?? SignageMqttOptions.DefaultHost,
            MqttPort = o.Mqtt.Port,
            MqttUsername = o.Mqtt.Username,
            MqttPassword = o.Mqtt.Password,
            MqttTls = o.Mqtt.Tls,
            MqttTlsCaFile = SignageOptions.Text(o.Mqtt.TlsCaFile),
            ReconnectMin = o.Mqtt.ReconnectMin,
            ReconnectMax = o.Mqtt.ReconnectMax,
            Output = o.Display.Kind() ?? throw Invalid("Display:Output"),
            Geometry = o.Display.Geometry() ?? throw Invalid("Display:Size"),
            PngPath = SignageOptions.Text(o.Display.PngPath) ?? SignageDisplayOptions.DefaultPngPath,
            FramebufferDevice = SignageOptions.Text(o.Display.Framebuffer) ?? SignageDisplayOptions.DefaultFramebuffer,
            FramebufferSysfs = SignageOptions.Text(o.Display.FramebufferSysfs) ?? SignageDisplayOptions.DefaultFramebufferSysfs,
            Rotate = o.Display.Rotate,
            Font = SignageOptions.Text(o.Display.Font) ?? SignageDisplayOptions.DefaultFont,
            Bilingual = o.Display.Bilingual() ?? throw Invalid("Display:Language"),
            StaleAfter = o.Display.StaleAfter,
            WhatsAppNumber = SignageOptions.Text(o.Qr.WhatsAppNumber),
            ReviewUrl = SignageOptions.Text(o.Qr.ReviewUrl),
            Rotation = o.Rotation.Settings(),
        };
    }

    private static InvalidOperationException Invalid(string key) =>
        new($"{key} is invalid: validate the options (SignageOptionsValidator) before building the settings.");
}
