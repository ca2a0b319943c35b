using System.CommandLine;
using Microsoft.Extensions.Configuration;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.Controller.Cli;

/// <summary>
/// Connection settings of the client verbs (<c>override</c>, <c>status</c>): the same configuration as
/// the service (appsettings, <c>MPP_…</c> environment, <c>--Section:Key=value</c>), with <c>--user</c>,
/// <c>--password</c>, <c>--host</c>, <c>--port</c>, <c>--site</c> on top.
/// </summary>
internal sealed record CliSettings(string Host, int Port, string Site, string? User, string? Password, TimeSpan Timeout, DateTimeZone Zone, bool Tls = false, string? TlsCaFile = null)
{
    public static readonly Option<string> UserOption = new("--user", "-u") { Description = "MQTT user (default Cli:Username, env MPP_Cli__Username)" };
    public static readonly Option<string> PasswordOption = new("--password", "-P") { Description = "MQTT password (default Cli:Password, env MPP_Cli__Password)" };
    public static readonly Option<string> HostOption = new("--host") { Description = "broker host (default Mqtt:Host)" };
    public static readonly Option<int?> PortOption = new("--port") { Description = "broker port (default Mqtt:Port)" };
    public static readonly Option<string> SiteOption = new("--site") { Description = "site id (default Site:Id)" };

    public static void AddTo(Command command)
    {
        command.Options.Add(UserOption);
        command.Options.Add(PasswordOption);
        command.Options.Add(HostOption);
        command.Options.Add(PortOption);
        command.Options.Add(SiteOption);
    }

    /// <summary>Reads the settings; a problem is returned as a message naming the option or key.</summary>
    public static (CliSettings? Settings, string? Problem) From(ParseResult parse)
    {
        var builder = new ConfigurationBuilder();
        ControllerHost.AddSources(builder, ConfigurationOverrides.From(parse));
        var config = builder.Build();
        var mqtt = config.GetSection(MqttOptions.Section).Get<MqttOptions>() ?? new MqttOptions();
        var site = config.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var cli = config.GetSection(CliOptions.Section).Get<CliOptions>() ?? new CliOptions();

        var siteId = parse.GetValue(SiteOption) ?? site.Id;
        if (!Topics.IsValidSiteId(siteId))
        {
            return (null, $"--site: '{siteId}' is not a site id (a-z, 0-9, '-', '_')");
        }

        var port = parse.GetValue(PortOption) ?? mqtt.Port;
        if (port is < 1 or > 65535)
        {
            return (null, $"--port: {port} is not a TCP port 1-65535");
        }

        var problems = ControllerOptionsRules.Cli(cli).ToList();
        if (problems.Count > 0)
        {
            return (null, problems[0]);
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(site.TimeZone) ?? DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        var host = parse.GetValue(HostOption) ?? (mqtt.IsEmbedded && mqtt.BindAddress is not ("0.0.0.0" or "::") ? mqtt.BindAddress : mqtt.Host);
        return (new CliSettings(host, port, siteId, parse.GetValue(UserOption) ?? cli.Username, parse.GetValue(PasswordOption) ?? cli.Password,
            TimeSpan.FromSeconds(cli.TimeoutSeconds), zone, mqtt.Tls && !mqtt.IsEmbedded, mqtt.TlsCaFile), null);
    }
}
