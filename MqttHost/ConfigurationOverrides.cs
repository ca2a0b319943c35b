using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using MppSignage.Shared.CommandLine;

namespace MppSignage.MqttHost;

/// <summary>
/// System.CommandLine side of <see cref="CommandLineArguments"/>: the hidden option that carries
/// <c>--Section:Key=value</c> overrides to every verb, and the report of unknown arguments (exit 2).
/// One copy for every executable (controller, renderer, panel): the rules themselves are <c>Shared/CommandLine</c>.
/// </summary>
public static class ConfigurationOverrides
{
    /// <summary>On the root command, recursive and hidden: help shows only each verb's own options.</summary>
    public static readonly Option<string[]> Option = new(CommandLineArguments.OverrideOption)
    {
        Hidden = true,
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>The <c>--Section:Key=value</c> overrides given on the command line.</summary>
    public static string[] From(ParseResult parse) => CommandLineArguments.Overrides(parse.GetValue(Option));

    /// <summary>
    /// Writes the parse errors (unknown options with the nearest known one) and returns true when there were
    /// any; verbs whose action reports its own errors (<c>mpp-controller hours</c>) are left to do so.
    /// </summary>
    public static bool ReportErrors(ParseResult parse, string program, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(error);
        if (parse.Errors.Count == 0 || parse.Action is CommandLineAction { ClearsParseErrors: true })
        {
            return false;
        }

        var path = new List<string>();
        var known = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as CommandResult)
        {
            if (r.Parent is CommandResult)
            {
                path.Insert(0, r.Command.Name);
            }

            foreach (var o in r.Command.Options.Where(o => !o.Hidden && (ReferenceEquals(r, parse.CommandResult) || o.Recursive)))
            {
                known.Add(o.Name);
                known.AddRange(o.Aliases);
            }
        }

        var verb = string.Join(' ', [program, .. path]);
        string? previous = null;
        foreach (var token in parse.UnmatchedTokens)
        {
            // The word after an unknown option is most likely its value: one message for both.
            if (!(previous is not null && previous.StartsWith('-') && !token.StartsWith('-')))
            {
                error.WriteLine($"{verb}: {CommandLineArguments.Unrecognised(token, known)}");
            }

            previous = token;
        }

        foreach (var e in parse.Errors.Where(e => !parse.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
        {
            error.WriteLine($"{verb}: {e.Message}");
        }

        error.WriteLine($"Try '{verb} --help'.");
        return true;
    }
}
