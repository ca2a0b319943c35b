using System.CommandLine;

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
        return root.Parse(args).Invoke();
    }
}
