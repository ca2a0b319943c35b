using System.CommandLine;
using Microsoft.Extensions.Configuration;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Options;
using MppSignage.MqttHost;
using MppSignage.Shared.Mqtt;
using MQTTnet;
using MQTTnet.Exceptions;
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

    /// <summary>Connects a verb to the broker (<see cref="MqttConnector"/>), turning every failure into one readable line.</summary>
    public async Task<(IMqttClient? Client, string? Problem)> ConnectAsync(string verb, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(User) || Password is null)
        {
            return (null, "no credentials: give --user and --password (or Cli:Username/Cli:Password, env MPP_Cli__Username/MPP_Cli__Password); anonymous access is refused");
        }

        var endpoint = new MqttEndpoint
        {
            Host = Host,
            Port = Port,
            Username = User,
            Password = Password,
            ClientId = $"mpp-cli-{verb}-{User}-{Guid.NewGuid():N}"[..40],
            Timeout = Timeout,
            // Same TLS settings as the service (Mqtt:Tls, Mqtt:TlsCaFile), so the CLI reaches a TLS-only broker too.
            Tls = Tls,
            TlsCaFile = TlsCaFile,
        };
        var attempt = await MqttConnector.ConnectAsync(endpoint, ct);
        return attempt.Client is not null ? (attempt.Client, null)
            : attempt.Refused ? (null, attempt.Problem)
            : (null, $"{attempt.Problem}; is the controller running? (--host/--port, Mqtt:Host/Mqtt:Port)");
    }

    /// <summary>
    /// Runs <paramref name="body"/> with a connected client within the verb's timeout, printing every failure as one
    /// line prefixed with <paramref name="label"/>: no connection, <paramref name="timedOut"/> when the timeout ends
    /// first, a lost connection. Returns the body's exit code, else 1.
    /// </summary>
    public async Task<int> WithBrokerAsync(string label, TextWriter error, Func<Topics, string> timedOut, Func<IMqttClient, Topics, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var (client, connectProblem) = await ConnectAsync(label.Split(' ')[0], timeout.Token);
        if (client is null)
        {
            error.WriteLine($"{label}: {connectProblem}");
            return 1;
        }

        using (client)
        {
            var topics = new Topics(Site);
            try
            {
                return await body(client, topics, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error.WriteLine($"{label}: {timedOut(topics)}");
                return 1;
            }
            catch (MqttCommunicationException ex)
            {
                error.WriteLine($"{label}: connection lost ({ex.Message})");
                return 1;
            }
        }
    }

    /// <summary>The retained payload of <paramref name="topic"/> (<see cref="MqttRetained"/>), or null after printing the broker's refusal.</summary>
    public async Task<RetainedRead?> ReadRetainedAsync(IMqttClient client, string topic, IReadOnlyList<string> companions, string label, TextWriter error, CancellationToken ct)
    {
        var read = await MqttRetained.ReadAsync(client, topic, companions, ct);
        if (read.Refused is { } refused)
        {
            error.WriteLine($"{label}: the broker refused {topic} for user '{User}' ({refused})");
            return null;
        }

        return read;
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
