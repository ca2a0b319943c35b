using System.CommandLine;
using MppSignage.MqttHost;

namespace MppSignage.Controller;

/// <summary>
/// The Controller executable. Each verb lives in its own file under Cli/ and exposes
/// <c>static Command Create()</c>; this file only assembles them.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("MppSignage controller: opening hours, relay and signs, MQTT hub.");
        // Verbs are registered here, one line each (hours, run, override, status, announce …).
        root.Subcommands.Add(Cli.HoursVerb.Create());
        root.Subcommands.Add(Cli.RunVerb.Create());
        root.Subcommands.Add(Cli.OverrideVerb.Create());
        root.Subcommands.Add(Cli.StatusVerb.Create());
        root.Subcommands.Add(Cli.AnnounceVerb.Create());
        root.Options.Add(ConfigurationOverrides.Option);
        // No verb, or configuration overrides first (--Section:Key=value): run the service.
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version"))
        {
            args = ["run", .. args];
        }

        // Only --Section:Key=value passes through as configuration; any other unknown option is refused (exit 2).
        var result = root.Parse(Shared.CommandLine.CommandLineArguments.Prepare(args));
        return ConfigurationOverrides.ReportErrors(result, "mpp-controller", Console.Error) ? 2 : result.Invoke();
    }
}
