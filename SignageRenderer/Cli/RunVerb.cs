using System.CommandLine;
using MppSignage.SignageRenderer.Hosting;
using Microsoft.Extensions.Hosting;
using MppSignage.MqttHost;

namespace MppSignage.SignageRenderer.Cli;

/// <summary><c>run</c> (also the default verb): the signage service.</summary>
public static class RunVerb
{
    /// <summary>The <c>run</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("run", "Run the signage service (the default verb): subscribe to the site's MQTT topics and draw the screen. Configuration: --Section:Key=value (e.g. --Display:Size=1080x1920), env MPP_Section__Key, appsettings.json.");
        command.SetAction(parse => Run(ConfigurationOverrides.From(parse)));
        return command;
    }

    /// <summary>Runs the service with <paramref name="configArgs"/> as command-line configuration; 2 when it cannot start.</summary>
    public static int Run(IReadOnlyList<string> configArgs)
    {
        var bad = configArgs.Where(a => !a.StartsWith("--", StringComparison.Ordinal) || !a.Contains(':', StringComparison.Ordinal)).ToList();
        if (bad.Count > 0)
        {
            Console.Error.WriteLine($"mpp-signage: unknown argument '{bad[0]}'; configuration is given as --Section:Key=value (e.g. --Display:Size=1080x1920), verbs are run and render.");
            return 2;
        }

        if (!SignageHost.TryCreate(configArgs, TimeProvider.System, out var host, out var errors))
        {
            foreach (var error in errors)
            {
                Console.Error.WriteLine($"mpp-signage: {error}");
            }

            return 2;
        }

        using (host)
        {
            host!.Run();
        }

        return 0;
    }
}
