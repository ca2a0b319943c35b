using System.Diagnostics;
using System.Text;

namespace MppSignage.Deploy.Tests.Scripts;

/// <summary>Runs a deploy-pi script with bash, bounded in time, and keeps its combined output.</summary>
internal sealed record ScriptRun(int ExitCode, string Output)
{
    /// <summary>The repository root (the directory holding MppSignage.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    public static async Task<ScriptRun> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoRoot, script));
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                return new ScriptRun(-1, output + $"\n(test: {script} killed after {timeout})");
            }
        }

        process.WaitForExit();
        lock (output)
        {
            return new ScriptRun(process.ExitCode, output.ToString());
        }
    }

    /// <summary>The script's "not ok" lines and its last lines, for a failure message.</summary>
    public string Failures()
    {
        var lines = Output.Split('\n');
        var notOk = lines.Where(l => l.StartsWith("not ok", StringComparison.Ordinal) || l.StartsWith("#   ", StringComparison.Ordinal));
        return string.Join('\n', notOk.Concat(["--- last lines:"]).Concat(lines.TakeLast(25)));
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MppSignage.sln not found above " + AppContext.BaseDirectory);
    }
}
