using System.CommandLine;
using System.Text;
using MppSignage.Controller.Cli;
using MppSignage.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>Runs the hours verb in-process with captured output, input and a fake clock.</summary>
internal static class HoursCli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args) => RunWith(null, null, args);

    public static Result RunWith(string? stdin, DateTimeOffset? now, params string[] args)
    {
        var clock = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 7, 1, 1, 0, 0, TimeSpan.Zero));
        var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty));
        var root = new RootCommand("test");
        root.Subcommands.Add(HoursVerb.Create(() => input, () => throw new InvalidOperationException("tests write through the invocation's writer"), clock));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>The repository's <c>deploy-pi/config/schedule.json</c>.</summary>
    public static string DefaultDocument => RepoPaths.DefaultSchedule;
}
