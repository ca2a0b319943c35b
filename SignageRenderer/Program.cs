using System.CommandLine;
using MppSignage.SignageRenderer.Cli;
using MppSignage.MqttHost;

namespace MppSignage.SignageRenderer;

/// <summary>The signage executable: the service (default verb <c>run</c>) and the <c>render</c> preview.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("MppSignage entrance screen: draws status, hours, announcements and QR codes from the site's MQTT topics. Without a verb: run. Configuration: --Section:Key=value (e.g. --Display:Size=1080x1920), env MPP_Section__Key, appsettings.json.");
        root.Subcommands.Add(RunVerb.Create());
        root.Subcommands.Add(RenderVerb.Create());
        root.Options.Add(ConfigurationOverrides.Option);
        root.SetAction(parse => RunVerb.Run(ConfigurationOverrides.From(parse)));

        // Only --Section:Key=value passes through as configuration; any other unknown option is refused.
        // Usage errors exit 2 (as getopt tools do), distinct from a run that failed.
        var result = root.Parse(Shared.CommandLine.CommandLineArguments.Prepare(args));
        return ConfigurationOverrides.ReportErrors(result, "mpp-signage", Console.Error) ? 2 : result.Invoke();
    }
}
