using System.Diagnostics;

namespace MppSignage.TestSupport;

/// <summary>One finished child process: its exit code and everything it wrote.</summary>
public sealed record ProcessOutput(int Code, string Stdout, string Stderr);

/// <summary>Runs a built executable of the solution (<c>dotnet X.dll</c> from the test's output folder) to its end.</summary>
public static class ProcessRun
{
    /// <summary>
    /// Runs <c>dotnet {exe}.dll args…</c> (the dll beside the test assembly) with stdout and stderr captured, in the
    /// repository root; kills the process tree and throws when it has not ended within <paramref name="timeout"/> (60 s).
    /// </summary>
    public static async Task<ProcessOutput> DotnetAsync(string exe, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, exe + ".dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} {string.Join(' ', start.ArgumentList.Skip(1))} did not end within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s");
        }

        return new ProcessOutput(process.ExitCode, await stdout, await stderr);
    }
}
