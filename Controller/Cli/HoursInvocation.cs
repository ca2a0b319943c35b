using System.CommandLine;
using NodaTime;

namespace MppSignage.Controller.Cli;

/// <summary>One run of an hours verb: the parse result, the writers, and argument readers that report by name.</summary>
internal sealed class HoursInvocation(ParseResult parseResult, TextWriter output, TextWriter error)
{
    public ParseResult ParseResult { get; } = parseResult;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The value of <paramref name="option"/>, or null when absent; a missing or repeated value is a usage error.</summary>
    public string? Value(Option<string> option, string expected)
    {
        var result = ParseResult.GetResult(option);
        if (result is null)
        {
            return null;
        }

        return result.Tokens.Count switch
        {
            0 => throw new HoursUsageException($"{option.Name}: missing value; expected {expected}"),
            1 => result.Tokens[0].Value,
            _ => throw new HoursUsageException($"{option.Name}: given more than once"),
        };
    }

    /// <summary>The value of <paramref name="option"/>; absence is a usage error.</summary>
    public string Required(Option<string> option, string expected) =>
        Value(option, expected) ?? throw new HoursUsageException($"{option.Name}: required; expected {expected}");

    /// <summary>The value of <paramref name="argument"/>; absence is a usage error.</summary>
    public string Required(Argument<string> argument, string expected)
    {
        var result = ParseResult.GetResult(argument);
        if (result is null || result.Tokens.Count == 0)
        {
            throw new HoursUsageException($"{argument.Name}: required; expected {expected}");
        }

        return result.Tokens[0].Value;
    }

    /// <summary>The zone named by <paramref name="option"/>, or Asia/Jakarta.</summary>
    public DateTimeZone Zone(Option<string> option)
    {
        var id = Value(option, "a tz database zone id such as Asia/Jakarta");
        if (id is null)
        {
            return DateTimeZoneProviders.Tzdb["Asia/Jakarta"];
        }

        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new HoursUsageException($"{option.Name}: unknown time zone '{id}'; expected a tz database id such as Asia/Jakarta, Asia/Makassar, Asia/Jayapura");
    }
}
