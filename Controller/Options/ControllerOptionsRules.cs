using System.Net;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Options;

/// <summary>
/// The start-up checks of every options section. Each message names the key, what is wrong, and the fix
/// (as a command-line override; the same key works in appsettings.json and as <c>MPP_Section__Key</c>).
/// </summary>
internal static class ControllerOptionsRules
{
    private static readonly string[] Drivers = ["simulated", "rpi", "libgpiod"];

    public static string Problem(string key, object? value, string what, string fix) =>
        $"{key} = '{value}': {what}. Fix: {fix} (appsettings.json, --{key}=…, or MPP_{key.Replace(":", "__", StringComparison.Ordinal)}).";

    public static IEnumerable<string> Site(SiteOptions o)
    {
        if (!Topics.IsValidSiteId(o.Id ?? ""))
        {
            yield return Problem("Site:Id", o.Id, "must be 1-64 characters of a-z, 0-9, '-' or '_', and not 'all'", "e.g. --Site:Id=probolinggo");
        }

        if (NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone ?? "") is null)
        {
            yield return Problem("Site:TimeZone", o.TimeZone, "is not a tz database zone id", "e.g. --Site:TimeZone=Asia/Jakarta");
        }
    }

    public static IEnumerable<string> Schedule(ScheduleOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.File))
        {
            yield return Problem("Schedule:File", o.File, "is empty", $"give the schedule document's path, e.g. --Schedule:File={ScheduleOptions.DefaultFile}");
        }
    }

    public static IEnumerable<string> State(StateOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Directory))
        {
            yield return Problem("State:Directory", o.Directory, "is empty", $"give a writable directory, e.g. --State:Directory={StateOptions.DefaultDirectory}");
        }

        if (o.JournalMaxBytes is < 4096 or > 1024L * 1024 * 1024)
        {
            yield return Problem("State:JournalMaxBytes", o.JournalMaxBytes, "must be 4 KiB to 1 GiB", "e.g. --State:JournalMaxBytes=4194304");
        }

        if (o.JournalFiles is < 1 or > 100)
        {
            yield return Problem("State:JournalFiles", o.JournalFiles, "must be 1-100 files", "e.g. --State:JournalFiles=4");
        }
    }

    public static IEnumerable<string> Assets(AssetOptions o)
    {
        if (o.MaxUploadBytes is < 1024 or > AssetOptions.MaxUploadBytesCeiling)
        {
            yield return Problem("Assets:MaxUploadBytes", o.MaxUploadBytes, $"must be 1 KiB to {AssetOptions.MaxUploadBytesCeiling} bytes (Mosquitto's max_packet_size of 8 MiB less 64 KiB)", "e.g. --Assets:MaxUploadBytes=6291456");
        }

        if (o.MaxAssetBytes is < 1024 or > 4 * 1024 * 1024)
        {
            yield return Problem("Assets:MaxAssetBytes", o.MaxAssetBytes, "must be 1 KiB to 4 MiB", "e.g. --Assets:MaxAssetBytes=2097152");
        }

        if (o.MaxTotalBytes < o.MaxAssetBytes || o.MaxTotalBytes > 1024L * 1024 * 1024)
        {
            yield return Problem("Assets:MaxTotalBytes", o.MaxTotalBytes, "must be at least Assets:MaxAssetBytes and at most 1 GiB", "e.g. --Assets:MaxTotalBytes=67108864");
        }

        if (o.MaxCount is < 1 or > 500)
        {
            yield return Problem("Assets:MaxCount", o.MaxCount, "must be 1-500", "e.g. --Assets:MaxCount=50");
        }

        if (o.ScreenWidth is < 64 or > 7680 || o.ScreenHeight is < 64 or > 7680)
        {
            yield return Problem("Assets:ScreenWidth", $"{o.ScreenWidth}×{o.ScreenHeight}", "Assets:ScreenWidth and Assets:ScreenHeight must be 64-7680 pixels", "e.g. --Assets:ScreenWidth=1920 --Assets:ScreenHeight=1080");
        }

        if (o.JpegQuality is < 50 or > 100)
        {
            yield return Problem("Assets:JpegQuality", o.JpegQuality, "must be 50-100", "e.g. --Assets:JpegQuality=85");
        }

        if (o.MaxDecodePixels is < 1_000_000 or > 64L * 1024 * 1024)
        {
            yield return Problem("Assets:MaxDecodePixels", o.MaxDecodePixels, "must be 1 to 64 megapixels", "e.g. --Assets:MaxDecodePixels=16777216");
        }

        if (o.GraceMinutes is < 1 or > 30 * 24 * 60)
        {
            yield return Problem("Assets:GraceMinutes", o.GraceMinutes, "must be 1 minute to 30 days", "e.g. --Assets:GraceMinutes=1440");
        }
    }

    public static IEnumerable<string> Door(DoorOptions o)
    {
        if (o.ClosingSoonMinutes is < 0 or > 240)
        {
            yield return Problem("Door:ClosingSoonMinutes", o.ClosingSoonMinutes, "must be 0-240 minutes", "e.g. --Door:ClosingSoonMinutes=15 (0 disables the phase)");
        }

        if (!(o.OverrideMaxHours > 0 && o.OverrideMaxHours <= 168))
        {
            yield return Problem("Door:OverrideMaxHours", o.OverrideMaxHours, "must be more than 0 and at most 168 hours", "e.g. --Door:OverrideMaxHours=12");
        }

        if (o.DefaultOpenOverrideMinutes is < 1 or > 1440)
        {
            // Longer than Door:OverrideMaxHours is allowed: the maximum caps it anyway.
            yield return Problem("Door:DefaultOpenOverrideMinutes", o.DefaultOpenOverrideMinutes, "must be 1-1440 minutes", "e.g. --Door:DefaultOpenOverrideMinutes=60");
        }

        if (o.CheckIntervalSeconds is < 1 or > 3600)
        {
            yield return Problem("Door:CheckIntervalSeconds", o.CheckIntervalSeconds, "must be 1-3600 seconds", "e.g. --Door:CheckIntervalSeconds=30");
        }
    }

    public static IEnumerable<string> Clock(ClockOptions o)
    {
        if (ParsePolicy(o.UnsynchronizedPolicy) is null)
        {
            yield return Problem("Clock:UnsynchronizedPolicy", o.UnsynchronizedPolicy, "must be closed, open or schedule", "e.g. --Clock:UnsynchronizedPolicy=closed");
        }

        if (string.IsNullOrWhiteSpace(o.SyncFile))
        {
            yield return Problem("Clock:SyncFile", o.SyncFile, "is empty", $"e.g. --Clock:SyncFile={ClockOptions.DefaultSyncFile}");
        }
    }

    public static Shared.Control.UnsynchronizedClockPolicy? ParsePolicy(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "closed" => Shared.Control.UnsynchronizedClockPolicy.Closed,
        "open" => Shared.Control.UnsynchronizedClockPolicy.Open,
        "schedule" => Shared.Control.UnsynchronizedClockPolicy.Schedule,
        _ => null,
    };

    public static IEnumerable<string> Mqtt(MqttOptions o)
    {
        if (!string.Equals(o.Broker, "embedded", StringComparison.OrdinalIgnoreCase) && !string.Equals(o.Broker, "external", StringComparison.OrdinalIgnoreCase))
        {
            yield return Problem("Mqtt:Broker", o.Broker, "must be embedded or external", "--Mqtt:Broker=embedded");
        }

        if (o.Port is < 1 or > 65535)
        {
            yield return Problem("Mqtt:Port", o.Port, "must be a TCP port 1-65535", "e.g. --Mqtt:Port=1883");
        }

        if (o.IsEmbedded && !IPAddress.TryParse(o.BindAddress, out _))
        {
            yield return Problem("Mqtt:BindAddress", o.BindAddress, "is not an IP address", "--Mqtt:BindAddress=127.0.0.1 (loopback) or 0.0.0.0 (every interface)");
        }

        if (string.IsNullOrWhiteSpace(o.Host))
        {
            yield return Problem("Mqtt:Host", o.Host, "is empty", "e.g. --Mqtt:Host=127.0.0.1");
        }

        if (!o.IsEmbedded && (string.IsNullOrEmpty(o.Username) || o.Password is null))
        {
            yield return Problem("Mqtt:Username", o.Username, "an external broker needs the controller's user name and password (anonymous access is refused)", "set Mqtt:Username and Mqtt:Password, e.g. MPP_Mqtt__Password in the service's environment file");
        }

        if (o.Tls && o.IsEmbedded)
        {
            yield return Problem("Mqtt:Tls", o.Tls, "the embedded broker has no TLS listener", "use --Mqtt:Broker=external with Mosquitto's TLS listener, or --Mqtt:Tls=false");
        }

        if (o.MaxConnections is < 2 or > 4096)
        {
            yield return Problem("Mqtt:MaxConnections", o.MaxConnections, "must be 2-4096", "e.g. --Mqtt:MaxConnections=64");
        }

        if (o.MaxUnauthenticatedConnections < 1 || o.MaxUnauthenticatedConnections > o.MaxConnections)
        {
            yield return Problem("Mqtt:MaxUnauthenticatedConnections", o.MaxUnauthenticatedConnections, "must be 1 to Mqtt:MaxConnections", "e.g. --Mqtt:MaxUnauthenticatedConnections=16");
        }

        if (o.MaxConnectionsPerUser < 1 || o.MaxConnectionsPerUser > o.MaxConnections)
        {
            yield return Problem("Mqtt:MaxConnectionsPerUser", o.MaxConnectionsPerUser, "must be 1 to Mqtt:MaxConnections", "e.g. --Mqtt:MaxConnectionsPerUser=16");
        }

        if (!(o.ConnectTimeoutSeconds >= 0.1 && o.ConnectTimeoutSeconds <= 60))
        {
            yield return Problem("Mqtt:ConnectTimeoutSeconds", o.ConnectTimeoutSeconds, "must be 0.1-60 seconds", "e.g. --Mqtt:ConnectTimeoutSeconds=5");
        }

        if (o.MaxConnectPacketBytes is < 256 or > 1024 * 1024)
        {
            yield return Problem("Mqtt:MaxConnectPacketBytes", o.MaxConnectPacketBytes, "must be 256 bytes to 1 MiB", "e.g. --Mqtt:MaxConnectPacketBytes=16384");
        }

        if (o.MaxPacketBytes < Shared.Control.CommandLimits.MaxPayloadBytes + 1024 || o.MaxPacketBytes > 256 * 1024 * 1024)
        {
            yield return Problem("Mqtt:MaxPacketBytes", o.MaxPacketBytes, $"must hold a {Shared.Control.CommandLimits.MaxPayloadBytes}-byte command with its topic ({Shared.Control.CommandLimits.MaxPayloadBytes + 1024} bytes) and be at most 256 MiB", "e.g. --Mqtt:MaxPacketBytes=131072");
        }

        if (o.MaxLargePacketBytes < o.MaxPacketBytes || o.MaxLargePacketBytes > 256 * 1024 * 1024)
        {
            yield return Problem("Mqtt:MaxLargePacketBytes", o.MaxLargePacketBytes, "must be at least Mqtt:MaxPacketBytes and at most 256 MiB", "e.g. --Mqtt:MaxLargePacketBytes=8388608");
        }

        if (!string.IsNullOrWhiteSpace(o.TlsCaFile) && (File.Exists(o.TlsCaFile) ? SiteCertificateAuthority.Check(o.TlsCaFile) : "does not exist") is { } caProblem)
        {
            yield return Problem("Mqtt:TlsCaFile", o.TlsCaFile, caProblem, "give the PEM file of the CA that signed the broker's certificate, or leave it empty for the system's trust store");
        }

        if (!(o.ReconnectMinSeconds > 0) || !(o.ReconnectMaxSeconds >= o.ReconnectMinSeconds))
        {
            yield return Problem("Mqtt:ReconnectMinSeconds", o.ReconnectMinSeconds, $"must be more than 0 and not above Mqtt:ReconnectMaxSeconds ({o.ReconnectMaxSeconds})", "e.g. --Mqtt:ReconnectMinSeconds=1 --Mqtt:ReconnectMaxSeconds=30");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < o.Users.Count; i++)
        {
            var u = o.Users[i];
            var key = $"Mqtt:Users:{i}";
            if (string.IsNullOrWhiteSpace(u.Name) || u.Name.Any(c => char.IsWhiteSpace(c) || c is '/' or '+' or '#' or ':'))
            {
                yield return Problem($"{key}:Name", u.Name, "must be a non-empty name without spaces, '/', '+', '#' or ':'", $"e.g. --{key}:Name=staff");
            }
            else if (!seen.Add(u.Name))
            {
                yield return Problem($"{key}:Name", u.Name, "is listed twice", "keep one entry per user");
            }

            if (RoleTopicRules.ParseRole(u.Role) is null)
            {
                yield return Problem($"{key}:Role", u.Role, "must be controller, staff, admin, screen or homeassistant", $"e.g. --{key}:Role=staff");
            }

            if (!PasswordHash.TryParse(u.PasswordHash, out _, out var hashProblem))
            {
                yield return Problem($"{key}:PasswordHash", Shorten(u.PasswordHash), hashProblem!, "create one with `mosquitto_passwd` or PasswordHash.Create, never put the password itself here");
            }
        }
    }

    public static IEnumerable<string> Gpio(GpioOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.Driver) && !Drivers.Contains(o.Driver.Trim().ToLowerInvariant()))
        {
            yield return Problem("Gpio:Driver", o.Driver, "must be simulated, rpi or libgpiod (or empty to choose by /dev/gpiochip0)", "e.g. --Gpio:Driver=simulated");
        }

        if (o.Chip is < 0 or > 16)
        {
            yield return Problem("Gpio:Chip", o.Chip, "must be a gpiochip number 0-16", "--Gpio:Chip=0");
        }

        var pins = new List<(string Key, int Pin)> { ("Gpio:Relay:Pin", o.Relay.Pin) };
        if (o.Lamps.Open is { } p1) pins.Add(("Gpio:Lamps:Open", p1));
        if (o.Lamps.Closed is { } p2) pins.Add(("Gpio:Lamps:Closed", p2));
        if (o.Lamps.ClosingSoon is { } p3) pins.Add(("Gpio:Lamps:ClosingSoon", p3));
        if (o.Button.Pin is { } p4) pins.Add(("Gpio:Button:Pin", p4));
        foreach (var (key, pin) in pins)
        {
            if (pin is < 0 or > 53)
            {
                yield return Problem(key, pin, "must be a BCM GPIO number 0-53", $"e.g. --{key}=17");
            }
        }

        foreach (var dup in pins.GroupBy(p => p.Pin).Where(g => g.Count() > 1))
        {
            yield return Problem(dup.Last().Key, dup.Key, $"pin {dup.Key} is also used by {string.Join(", ", dup.Take(dup.Count() - 1).Select(d => d.Key))}", "give each device its own pin");
        }

        if (o.Relay.StartupState is not ("on" or "off"))
        {
            yield return Problem("Gpio:Relay:StartupState", o.Relay.StartupState, "must be on or off", "--Gpio:Relay:StartupState=off");
        }

        if (o.Relay.ShutdownState is not ("on" or "off" or "keep"))
        {
            yield return Problem("Gpio:Relay:ShutdownState", o.Relay.ShutdownState, "must be on, off or keep", "--Gpio:Relay:ShutdownState=off");
        }

        if (o.Relay.ScheduleUnavailableState is not ("on" or "off"))
        {
            yield return Problem("Gpio:Relay:ScheduleUnavailableState", o.Relay.ScheduleUnavailableState, "must be on or off", "--Gpio:Relay:ScheduleUnavailableState=off");
        }

        if (o.Lamps.BlinkMilliseconds is < 50 or > 5000)
        {
            yield return Problem("Gpio:Lamps:BlinkMilliseconds", o.Lamps.BlinkMilliseconds, "must be 50-5000 ms", "--Gpio:Lamps:BlinkMilliseconds=500");
        }

        if (o.Button.DebounceMilliseconds is < 1 or > 1000)
        {
            yield return Problem("Gpio:Button:DebounceMilliseconds", o.Button.DebounceMilliseconds, "must be 1-1000 ms", "--Gpio:Button:DebounceMilliseconds=50");
        }

        if (!(o.Button.LongPressSeconds * 1000 > o.Button.DebounceMilliseconds && o.Button.LongPressSeconds <= 60))
        {
            yield return Problem("Gpio:Button:LongPressSeconds", o.Button.LongPressSeconds, "must be longer than the debounce time and at most 60 s", "--Gpio:Button:LongPressSeconds=3");
        }

        if (o.Lcd.Enabled && o.Lcd.Address is < 0x03 or > 0x77)
        {
            yield return Problem("Gpio:Lcd:Address", o.Lcd.Address, "must be a 7-bit I2C address 3-119 (0x03-0x77)", "--Gpio:Lcd:Address=39 (0x27)");
        }

        if (o.Lcd.Bus is < 0 or > 16)
        {
            yield return Problem("Gpio:Lcd:Bus", o.Lcd.Bus, "must be an I2C bus number 0-16", "--Gpio:Lcd:Bus=1");
        }
    }

    public static IEnumerable<string> Cli(CliOptions o)
    {
        if (!(o.TimeoutSeconds > 0 && o.TimeoutSeconds <= 300))
        {
            yield return Problem("Cli:TimeoutSeconds", o.TimeoutSeconds, "must be more than 0 and at most 300 s", "--Cli:TimeoutSeconds=10");
        }
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 12 ? s : s[..12] + "…";
}
