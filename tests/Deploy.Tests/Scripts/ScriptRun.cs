using System.Diagnostics;
using System.Text;
using MppSignage.TestSupport;

namespace MppSignage.Deploy.Tests.Scripts;

/// <summary>Runs a deploy-pi script with bash, bounded in time, and keeps its combined output.</summary>
internal sealed record ScriptRun(int ExitCode, string Output)
{
    public static async Task<ScriptRun> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, script));
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
}
