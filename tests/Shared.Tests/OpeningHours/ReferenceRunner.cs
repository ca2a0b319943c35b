using System.ComponentModel;
using System.Diagnostics;
using MppSignage.TestSupport;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>Runs tests/reference/oh-eval.js (opening_hours.js) once on a JSONL file and returns its output lines.</summary>
internal static class ReferenceRunner
{
    public static string[] Run(string jsonlPath)
    {
        string root = RepoPaths.Root;
        string reference = Path.Combine(root, "tests", "reference");
        string script = Path.Combine(reference, "oh-eval.js");
        string package = Path.Combine(reference, "node_modules", "opening_hours", "package.json");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException(
                $"opening_hours.js is not installed ({package} missing): run 'npm install' in tests/reference (scripts/test.sh does this).");
        }
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = reference,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(jsonlPath);
        psi.Environment["TZ"] = "Asia/Jakarta"; // a fixed +07:00 zone, as the engine's local wall time
        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("node (Node.js) is needed for the parity test and was not found on PATH: " + e.Message, e);
        }
        using (process)
        {
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("oh-eval.js did not finish within 120 s");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"oh-eval.js failed with exit code {process.ExitCode}: {stderr.Result}");
            }
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
