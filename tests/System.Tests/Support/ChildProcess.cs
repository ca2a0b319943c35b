using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace MppSignage.SystemTests.Support;

/// <summary>
/// A real process (mosquitto, mpp-controller, mpp-signage, the CLI): output captured line by line, waited on
/// with timeouts, stopped by its PID (SIGTERM, or SIGKILL to simulate a crash). Disposing kills it if alive.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly TaskCompletionSource _stdoutDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    /// <summary>Starts <paramref name="file"/>; <c>MPP_*</c> and <c>DOTNET_ENVIRONMENT</c> of the test runner are not inherited.</summary>
    public static ChildProcess Start(string file, IEnumerable<string> args, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(file) ?? "/",
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MPP_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, Path.GetFileName(file));
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, child._stdoutDone);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, child._stderrDone);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a line matching <paramref name="match"/> (already printed or to come); fails if the process exits first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var seen = 0;
        while (true)
        {
            var lines = _lines.ToArray();
            for (; seen < lines.Length; seen++)
            {
                if (match(lines[seen]))
                {
                    return lines[seen];
                }
            }

            if (_process.HasExited && _stdoutDone.Task.IsCompleted && _stderrDone.Task.IsCompleted && _lines.Count == seen)
            {
                throw new InvalidOperationException($"{Name} exited ({_process.ExitCode}) before {what}:\n{Tail()}");
            }

            var left = TimeSpan.FromSeconds((deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{Name}: no {what} within {timeout.TotalSeconds:0.#} s:\n{Tail()}");
            }

            await _lineArrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds:0} s:\n{Tail()}");
        }

        // Let the output readers drain.
        await Task.WhenAny(Task.WhenAll(_stdoutDone.Task, _stderrDone.Task), Task.Delay(2000));
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no cleanup, no Last Will sent by the process itself (a crash or power cut).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, Posix.SigKill);
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>SIGTERM and wait (a clean stop, as systemd does).</summary>
    public async Task<int> StopAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, Posix.SigTerm);
        }

        return await WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(20));
    }

    public string Tail(int lines = 40) => string.Join('\n', _lines.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                Posix.Signal(_process.Id, Posix.SigKill);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Never started or already reaped: nothing left to stop.
        }

        _process.Dispose();
    }

    private void OnLine(string? line, TaskCompletionSource done)
    {
        if (line is null)
        {
            done.TrySetResult();
        }
        else
        {
            // Bounded: a chatty process must not grow the test's memory without end.
            _lines.Enqueue(line);
            while (_lines.Count > 20_000 && _lines.TryDequeue(out _))
            {
            }
        }

        _lineArrived.Release();
    }
}
