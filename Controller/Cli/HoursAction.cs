using System.CommandLine;
using System.CommandLine.Invocation;

namespace MppSignage.Controller.Cli;

/// <summary>
/// The action of an hours verb. It takes over System.CommandLine's parse-error handling
/// (<see cref="ClearsParseErrors"/>) so that every bad argument is reported by us, naming the
/// option, with exit code 2 (System.CommandLine's own would be 1), and nothing ever escapes as a
/// stack trace.
/// </summary>
internal sealed class HoursAction(string verb, Func<HoursInvocation, int> body) : SynchronousCommandLineAction
{
    /// <summary>Exit code for bad arguments.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for an unexpected failure (a bug), reported in one line.</summary>
    public const int InternalError = 3;

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            var unmatched = parseResult.UnmatchedTokens;
            if (unmatched.Count > 0)
            {
                var known = parseResult.CommandResult.Command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name));
                throw new HoursUsageException($"{MppSignage.Shared.CommandLine.CommandLineArguments.Unrecognised(unmatched[0], known)} (see '{verb} --help')");
            }

            return body(new HoursInvocation(parseResult, output, error));
        }
        catch (HoursUsageException ex)
        {
            error.WriteLine($"{verb}: {ex.Message}");
            return UsageError;
        }
        catch (Exception ex)
        {
            // The boundary of the CLI: a bug is reported in one line with its type, never a stack trace.
            error.WriteLine($"{verb}: internal error ({ex.GetType().Name}): {ex.Message}");
            return InternalError;
        }
    }
}
