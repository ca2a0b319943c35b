using System.Diagnostics;

namespace MppSignage.TestSupport;

/// <summary>One finished child process: its exit code and everything it wrote.</summary>
public sealed record ProcessOutput(int Code, string Stdout, string Stderr);

/// <summary>Runs a child process (a built executable of the solution, a script) to its end.</summary>
public static class ProcessRun
{
    /// <summary>
    /// Runs <c>dotnet {exe}.dll args…</c> (the dll beside the test assembly) with stdout and stderr captured, in the
    /// repository root; kills the process tree and throws when it has not ended within <paramref name="timeout"/> (60 s).
    /// </summary>
    public static Task<ProcessOutput> DotnetAsync(string exe, IEnumerable<string> args, TimeSpan? timeout = null) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, exe + ".dll"), .. args], timeout: timeout);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="args"/> (and <paramref name="environment"/> added) in the
    /// repository root, stdout and stderr captured; kills the process tree and throws when it has not ended within
    /// <paramref name="timeout"/> (60 s).
    /// </summary>
    public static async Task<ProcessOutput> RunAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not end within {limit.TotalSeconds:0} s");
        }

        return new ProcessOutput(process.ExitCode, await stdout, await stderr);
    }
}
