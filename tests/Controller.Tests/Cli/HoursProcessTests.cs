using System.Diagnostics;
using System.Text;

namespace MppSignage.Controller.Tests.Cli;

/// <summary>The real built executable (mpp-controller), run as a process: registration, exit codes, pipes.</summary>
public sealed class HoursProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Eval_AsProcess_PrintsJsonAndExits0()
    {
        var r = await RunAsync(null, "hours", "eval", "--expr", "Mo-Th 08:00-14:00; Fr 08:00-11:00", "--at", "2024-07-04T14:00:00+07:00");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("{\"state\":\"closed\",\"comment\":null,\"nextChange\":\"2024-07-05T08:00:00+07:00\"}\n", r.Output);
        Assert.Empty(r.Error);
    }

    [Fact]
    public async Task EvalJsonl_AsProcess_StdinToStdout_ManyLinesInOrder()
    {
        const int count = 3000;
        var input = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            // Every 100th line is broken: the answer must be an error in its place, and the run carries on.
            input.Append(i % 100 == 99
                ? "{\"expr\":\"Mo-Th 08:00-\",\"at\":\"2024-07-01T08:00\"}\n"
                : $"{{\"expr\":\"Mo-Th 08:00-14:00; Fr 08:00-11:00\",\"at\":\"2024-07-{1 + i % 7:00}T{i % 24:00}:{i % 60:00}\"}}\n");
        }

        var r = await RunAsync(input.ToString(), "hours", "eval", "--jsonl", "-");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(count, lines.Length);
        Assert.StartsWith("{\"error\":\"line 100: \\\"expr\\\": at ", lines[99]);
        // Line 0: Monday 1 July 00:00 → closed until 08:00.
        Assert.Equal("{\"state\":\"closed\",\"comment\":null,\"nextChange\":\"2024-07-01T08:00:00+07:00\"}", lines[0]);
        // Line 10: Thursday 4 July 10:10 → open until 14:00.
        Assert.Equal("{\"state\":\"open\",\"comment\":null,\"nextChange\":\"2024-07-04T14:00:00+07:00\"}", lines[10]);
    }

    [Fact]
    public async Task BadArgument_AsProcess_Exit2WithOneLineAndNoStackTrace()
    {
        var r = await RunAsync(null, "hours", "state", HoursCli.DefaultDocument, "--at", "kemarin");
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Output);
        Assert.StartsWith("hours state: --at: 'kemarin' is not an ISO 8601 time", r.Error);
        Assert.Single(r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Check_AsProcess_DefaultDocumentIsValid()
    {
        var r = await RunAsync(null, "hours", "check", HoursCli.DefaultDocument, "--at", "2024-07-01T07:00");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("  Senin\u2013Kamis 08.00\u201314.00 WIB\n", r.Output);
    }

    private sealed record ProcessResult(int ExitCode, string Output, string Error);

    private static async Task<ProcessResult> RunAsync(string? stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "mpp-controller.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project must reference Controller");
        var psi = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var stdinEncoding = new UTF8Encoding(false);
        await using (var writer = new StreamWriter(process.StandardInput.BaseStream, stdinEncoding))
        {
            if (stdin is not null)
            {
                await writer.WriteAsync(stdin);
            }
        }

        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"mpp-controller {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    private static string DotnetHost()
    {
        // The test host normally runs under the dotnet muxer; use the same one.
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
