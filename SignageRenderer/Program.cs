using System.CommandLine;
using MppSignage.SignageRenderer.Cli;

namespace MppSignage.SignageRenderer;

/// <summary>The signage executable: the service (default verb <c>run</c>) and the <c>render</c> preview.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("MppSignage entrance screen: draws status, hours, announcements and QR codes from the site's MQTT topics.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Subcommands.Add(RunVerb.Create());
        root.Subcommands.Add(RenderVerb.Create());
        root.SetAction(parse => RunVerb.Run(parse.UnmatchedTokens));

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // Usage errors exit 2 (as getopt tools do), distinct from a run that failed.
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"mpp-signage: {error.Message}");
            }

            Console.Error.WriteLine("Try 'mpp-signage --help'.");
            return 2;
        }

        return result.Invoke();
    }
}
