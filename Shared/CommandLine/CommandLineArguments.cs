using System.Text.RegularExpressions;

namespace MppSignage.Shared.CommandLine;

/// <summary>
/// The rules both executables apply to their command lines before and after System.CommandLine parses
/// them: only <c>--Section:Key=value</c> passes through as a configuration override; any other unknown
/// option is refused, naming it and the nearest known option. Pure string work, so it is the same for
/// <c>mpp-controller</c> and <c>mpp-signage</c>.
/// </summary>
public static partial class CommandLineArguments
{
    /// <summary>
    /// The hidden option every <c>--Section:Key=value</c> is carried by through the parser
    /// (<see cref="Prepare"/> rewrites the token), so the verbs' help shows only their own options.
    /// </summary>
    public const string OverrideOption = "--configuration-override";

    /// <summary>True for <c>--Section:Key=value</c> (sections and keys of letters, digits, <c>_</c>, <c>-</c>, <c>.</c>; at least one <c>:</c>).</summary>
    public static bool IsConfigurationOverride(string token) => OverrideForm().IsMatch(token);

    /// <summary>
    /// Rewrites each <c>--Section:Key=value</c> into <see cref="OverrideOption"/> <c>Section:Key=value</c>;
    /// everything after a <c>--</c> is left alone.
    /// </summary>
    public static string[] Prepare(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Count + 4);
        var literal = false;
        foreach (var a in args)
        {
            if (!literal && a == "--")
            {
                literal = true;
            }

            if (!literal && IsConfigurationOverride(a))
            {
                result.Add(OverrideOption);
                result.Add(a[2..]);
            }
            else
            {
                result.Add(a);
            }
        }

        return [.. result];
    }

    /// <summary>The carried overrides back in their <c>--Section:Key=value</c> form, for the configuration's command-line source.</summary>
    public static string[] Overrides(IReadOnlyList<string>? carried) =>
        carried is null ? [] : [.. carried.Select(c => "--" + c)];

    /// <summary>
    /// The message for a token the parser did not recognise, e.g.
    /// <c>unknown option '--imag' (did you mean --image?); only --Section:Key=value passes through as configuration</c>.
    /// </summary>
    /// <param name="token">The unrecognised token.</param>
    /// <param name="known">The options (all aliases) of the command it was given to.</param>
    public static string Unrecognised(string token, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(known);
        if (token.StartsWith("--", StringComparison.Ordinal) && token.Contains(':', StringComparison.Ordinal))
        {
            return $"'{token}' is not a configuration override: give it as --Section:Key=value in one argument (e.g. --Mqtt:Port=1884)";
        }

        if (!token.StartsWith('-'))
        {
            return $"unexpected argument '{token}'";
        }

        var nearest = Nearest(token, known);
        return $"unknown option '{token}'{(nearest is null ? "" : $" (did you mean {nearest}?)")}; only --Section:Key=value passes through as configuration";
    }

    /// <summary>The known option closest to <paramref name="token"/> (edit distance at most a third of its length, at least 2), or null.</summary>
    public static string? Nearest(string token, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(known);
        var name = token.Split('=', 2)[0];
        var limit = Math.Max(2, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var k in known)
        {
            if (k == OverrideOption)
            {
                continue;
            }

            var d = k.StartsWith(name, StringComparison.Ordinal) || name.StartsWith(k, StringComparison.Ordinal)
                ? Math.Abs(k.Length - name.Length) == 0 ? 0 : 1
                : Distance(name, k);
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(k, best) < 0))
            {
                best = k;
                bestDistance = d;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^--[A-Za-z0-9_.-]+(:[A-Za-z0-9_.-]+)+=", RegexOptions.CultureInvariant)]
    private static partial Regex OverrideForm();
}
