using System.Globalization;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Mqtt;
using MppSignage.SignageRenderer.Layout;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace MppSignage.SignageRenderer.Options;

/// <summary>
/// Every option of the renderer, read from configuration (appsettings.json, <c>--Section:Key=value</c>,
/// <c>MPP_Section__Key</c>) and validated as a whole: each problem names the key and the fix.
/// </summary>
public sealed record SignageSettings
{
    /// <summary>Default site id.</summary>
    public const string DefaultSiteId = "probolinggo";

    /// <summary>Default screen id.</summary>
    public const string DefaultScreenId = "pintu-utama";

    /// <summary>Default display name in the slide header.</summary>
    public const string DefaultSiteName = "MAL PELAYANAN PUBLIK KOTA PROBOLINGGO";

    /// <summary>Default font family (Debian package fonts-dejavu-core, present on a bare image).</summary>
    public const string DefaultFont = "DejaVu Sans";

    /// <summary>Default time after which missing controller/broker marks the screen as possibly stale.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(2);

    /// <summary><c>Site:Id</c>.</summary>
    public string SiteId { get; init; } = DefaultSiteId;

    /// <summary><c>Site:Name</c>: shown in the header of every slide; empty hides the header.</summary>
    public string? SiteName { get; init; } = DefaultSiteName;

    /// <summary><c>Site:TimeZone</c>: used until the schedule or status says otherwise.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZoneProviders.Tzdb["Asia/Jakarta"];

    /// <summary><c>Screen:Id</c>: this screen, for targeting and screenshots.</summary>
    public string ScreenId { get; init; } = DefaultScreenId;

    /// <summary><c>Mqtt:Host</c>.</summary>
    public string MqttHost { get; init; } = "127.0.0.1";

    /// <summary><c>Mqtt:Port</c>.</summary>
    public int MqttPort { get; init; } = 1883;

    /// <summary><c>Mqtt:Username</c> (a user with the <c>screen</c> role).</summary>
    public string? MqttUsername { get; init; } = "screen";

    /// <summary><c>Mqtt:Password</c>; no default: the development password lives only in appsettings.Development.json.</summary>
    public string? MqttPassword { get; init; }

    /// <summary><c>Mqtt:Tls</c>: connect with TLS (Mosquitto's TLS listener).</summary>
    public bool MqttTls { get; init; }

    /// <summary><c>Mqtt:TlsCaFile</c>: PEM file of the CA that signed the broker's certificate; null: the system's trust store.</summary>
    public string? MqttTlsCaFile { get; init; }

    /// <summary><c>Mqtt:ReconnectMin</c>: first reconnect delay.</summary>
    public TimeSpan ReconnectMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Mqtt:ReconnectMax</c>: longest reconnect delay (the delay doubles up to it).</summary>
    public TimeSpan ReconnectMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Display:Output</c>: <c>png</c> or <c>framebuffer</c>.</summary>
    public OutputKind Output { get; init; } = OutputKind.Png;

    /// <summary><c>Display:Size</c>: <c>1920x1080</c> (landscape) or <c>1080x1920</c> (portrait).</summary>
    public ScreenGeometry Geometry { get; init; } = new(1920, 1080);

    /// <summary><c>Display:PngPath</c>: the frame file for <c>png</c> output.</summary>
    public string PngPath { get; init; } = "out/frame.png";

    /// <summary><c>Display:Framebuffer</c>: the framebuffer device.</summary>
    public string FramebufferDevice { get; init; } = "/dev/fb0";

    /// <summary><c>Display:FramebufferSysfs</c>: its sysfs directory (virtual_size, bits_per_pixel, stride).</summary>
    public string FramebufferSysfs { get; init; } = "/sys/class/graphics/fb0";

    /// <summary><c>Display:Rotate</c>: 0, 90, 180 or 270 degrees clockwise, for a screen mounted turned.</summary>
    public int Rotate { get; init; }

    /// <summary><c>Display:Font</c>: family name or font file.</summary>
    public string Font { get; init; } = DefaultFont;

    /// <summary><c>Display:Language</c>: <c>id</c> or <c>id+en</c> (English second lines).</summary>
    public bool Bilingual { get; init; }

    /// <summary><c>Display:StaleAfter</c>.</summary>
    public TimeSpan StaleAfter { get; init; } = DefaultStaleAfter;

    /// <summary><c>Qr:WhatsAppNumber</c>: the WA SMART MPP number.</summary>
    public string? WhatsAppNumber { get; init; }

    /// <summary><c>Qr:ReviewUrl</c>: the Google review link.</summary>
    public string? ReviewUrl { get; init; }

    /// <summary><c>Rotation:*</c>.</summary>
    public RotationSettings Rotation { get; init; } = RotationSettings.Default;

    /// <summary>Reads and validates; returns the settings, or null and every problem as <c>Key: reason</c>.</summary>
    public static SignageSettings? Load(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var s = new SignageSettings();

        var siteId = Text(configuration, "Site:Id") ?? DefaultSiteId;
        if (!Topics.IsValidSiteId(siteId))
        {
            errors.Add($"Site:Id: '{siteId}' must be 1-64 characters of a-z, 0-9, '-' or '_' (and not 'all'), e.g. {DefaultSiteId}.");
        }

        var siteName = configuration["Site:Name"];
        var zoneId = Text(configuration, "Site:TimeZone") ?? "Asia/Jakarta";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zone is null)
        {
            errors.Add($"Site:TimeZone: '{zoneId}' is not a tz database zone; use e.g. Asia/Jakarta.");
        }

        var screenId = Text(configuration, "Screen:Id") ?? DefaultScreenId;
        if (!AnnouncementJson.IsValidId(screenId))
        {
            errors.Add($"Screen:Id: '{screenId}' must be 1-64 characters of a-z, 0-9, '-' or '_', e.g. {DefaultScreenId}.");
        }

        var host = Text(configuration, "Mqtt:Host") ?? "127.0.0.1";
        var port = Int(configuration, "Mqtt:Port", 1883, 1, 65535, errors);
        var tls = Bool(configuration, "Mqtt:Tls", false, errors);
        var tlsCaFile = Text(configuration, "Mqtt:TlsCaFile");
        if (tlsCaFile is not null && (File.Exists(tlsCaFile) ? MppSignage.Shared.Mqtt.SiteCertificateAuthority.Check(tlsCaFile) : "does not exist") is { } caProblem)
        {
            errors.Add($"Mqtt:TlsCaFile: '{tlsCaFile}' {caProblem}; give the PEM file of the CA that signed the broker's certificate, or leave it empty for the system's trust store.");
        }

        var reconnectMin = Span(configuration, "Mqtt:ReconnectMin", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5), errors);
        var reconnectMax = Span(configuration, "Mqtt:ReconnectMax", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1), errors);
        if (reconnectMax < reconnectMin)
        {
            errors.Add("Mqtt:ReconnectMax: must not be shorter than Mqtt:ReconnectMin.");
        }

        var outputText = (Text(configuration, "Display:Output") ?? "png").ToLowerInvariant();
        var output = outputText switch
        {
            "png" => OutputKind.Png,
            "framebuffer" or "fb" => OutputKind.Framebuffer,
            _ => (OutputKind?)null,
        };
        if (output is null)
        {
            errors.Add($"Display:Output: '{outputText}' is not an output; use png (a frame file) or framebuffer (/dev/fb0).");
        }

        var sizeText = Text(configuration, "Display:Size") ?? "1920x1080";
        var geometry = ScreenGeometry.TryParse(sizeText);
        if (geometry is null)
        {
            errors.Add($"Display:Size: '{sizeText}' is not WIDTHxHEIGHT between 320x240 and 8192x8192; use 1920x1080 (landscape) or 1080x1920 (portrait).");
        }

        var rotate = Int(configuration, "Display:Rotate", 0, 0, 270, errors);
        if (rotate is not (0 or 90 or 180 or 270))
        {
            errors.Add($"Display:Rotate: {rotate} must be 0, 90, 180 or 270.");
        }

        var language = (Text(configuration, "Display:Language") ?? "id").ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        bool? bilingual = language switch
        {
            "id" => false,
            "id+en" or "id,en" => true,
            _ => null,
        };
        if (bilingual is null)
        {
            errors.Add($"Display:Language: '{language}' is not supported; use id (Indonesian) or id+en (Indonesian with English second lines).");
        }

        var staleAfter = Span(configuration, "Display:StaleAfter", DefaultStaleAfter, TimeSpan.Zero, TimeSpan.FromDays(1), errors);
        var whatsApp = Text(configuration, "Qr:WhatsAppNumber");
        if (whatsApp is not null && (whatsApp.Count(char.IsAsciiDigit) is < 8 or > 15 || whatsApp.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')'))))
        {
            errors.Add($"Qr:WhatsAppNumber: '{whatsApp}' is not a phone number (8-15 digits, e.g. 6281234567890 or 0812-3456-7890).");
        }

        var review = Text(configuration, "Qr:ReviewUrl");
        if (review is not null && (!Uri.TryCreate(review, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add($"Qr:ReviewUrl: '{review}' is not an absolute https:// link (e.g. https://g.page/r/…/review).");
        }

        var rotation = new RotationSettings(
            StatusSeconds: Int(configuration, "Rotation:StatusSeconds", 15, 3, 600, errors),
            HoursSeconds: Int(configuration, "Rotation:HoursSeconds", 10, 3, 600, errors),
            QrSeconds: Int(configuration, "Rotation:QrSeconds", 10, 3, 600, errors),
            ShowHours: Bool(configuration, "Rotation:ShowHours", true, errors),
            ShowQr: Bool(configuration, "Rotation:ShowQr", true, errors),
            StatusEvery: Int(configuration, "Rotation:StatusEvery", 2, 1, 20, errors));

        problems = errors;
        if (errors.Count > 0)
        {
            return null;
        }

        return s with
        {
            SiteId = siteId,
            SiteName = siteName is null ? DefaultSiteName : (siteName.Trim().Length == 0 ? null : siteName.Trim()),
            Zone = zone!,
            ScreenId = screenId,
            MqttHost = host,
            MqttPort = port,
            MqttUsername = configuration["Mqtt:Username"] ?? "screen",
            MqttPassword = configuration["Mqtt:Password"],
            MqttTls = tls,
            MqttTlsCaFile = tlsCaFile,
            ReconnectMin = reconnectMin,
            ReconnectMax = reconnectMax,
            Output = output!.Value,
            Geometry = geometry!,
            PngPath = Text(configuration, "Display:PngPath") ?? "out/frame.png",
            FramebufferDevice = Text(configuration, "Display:Framebuffer") ?? "/dev/fb0",
            FramebufferSysfs = Text(configuration, "Display:FramebufferSysfs") ?? "/sys/class/graphics/fb0",
            Rotate = rotate,
            Font = Text(configuration, "Display:Font") ?? DefaultFont,
            Bilingual = bilingual!.Value,
            StaleAfter = staleAfter,
            WhatsAppNumber = whatsApp,
            ReviewUrl = review,
            Rotation = rotation,
        };
    }

    private static string? Text(IConfiguration c, string key)
    {
        var v = c[key];
        return string.IsNullOrWhiteSpace(v) ? null : v.Trim();
    }

    private static int Int(IConfiguration c, string key, int fallback, int min, int max, List<string> errors)
    {
        var v = Text(c, key);
        if (v is null)
        {
            return fallback;
        }

        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            errors.Add($"{key}: '{v}' must be a whole number from {min} to {max}.");
            return fallback;
        }

        return n;
    }

    private static bool Bool(IConfiguration c, string key, bool fallback, List<string> errors)
    {
        var v = Text(c, key);
        if (v is null)
        {
            return fallback;
        }

        if (!bool.TryParse(v, out var b))
        {
            errors.Add($"{key}: '{v}' must be true or false.");
            return fallback;
        }

        return b;
    }

    private static TimeSpan Span(IConfiguration c, string key, TimeSpan fallback, TimeSpan min, TimeSpan max, List<string> errors)
    {
        var v = Text(c, key);
        if (v is null)
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) || t < min || t > max)
        {
            errors.Add($"{key}: '{v}' must be a duration hh:mm:ss from {min:c} to {max:c} (e.g. 00:02:00 for two minutes).");
            return fallback;
        }

        return t;
    }
}
