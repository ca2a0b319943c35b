using System.Diagnostics;
using System.Net.Sockets;
using MppSignage.TestSupport;

namespace MppSignage.Controller.Tests.State;

/// <summary>
/// Issue 14 item 6 with real processes: one controller per state directory. A second one (on another port,
/// so nothing else stops it) refuses to start, naming the first one's PID, before its broker listens; once
/// the first is gone (even killed) the directory is free again.
/// </summary>
public sealed class InstanceLockProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _state = TempDir.Create("instance-lock");
    private readonly List<Process> _started = [];

    public void Dispose()
    {
        foreach (var p in _started)
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit();
            }

            p.Dispose();
        }

        TempDir.TryDelete(_state);
    }

    [Fact]
    public async Task SecondControllerOnTheSameStateDirectory_RefusesNamingTheFirstPid_AndStartsNothing()
    {
        var firstPort = FreePort.Next();
        var first = Start(firstPort);
        await WaitListeningAsync(first, firstPort);

        var secondPort = FreePort.Next();
        var second = Start(secondPort);
        using (var cts = new CancellationTokenSource(Timeout))
        {
            await second.WaitForExitAsync(cts.Token);
        }

        var error = await second.StandardError.ReadToEndAsync();
        Assert.Equal(1, second.ExitCode);
        Assert.Contains($"another mpp-controller (PID {first.Id}) is using the state directory {_state}", error);
        Assert.Contains($"kill {first.Id}", error);
        Assert.DoesNotContain("   at ", error); // a message, not a stack trace
        Assert.False(Listening(secondPort), "the second controller opened its broker port");
        Assert.False(first.HasExited);

        // SIGKILL leaves no stale lock: the kernel drops it with the process.
        first.Kill();
        await first.WaitForExitAsync();
        var third = Start(secondPort);
        await WaitListeningAsync(third, secondPort);
    }

    private Process Start(int port)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        foreach (var a in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "mpp-controller.dll"), "run",
            $"--Mqtt:Port={port}", $"--State:Directory={_state}", $"--Schedule:File={RepoPaths.DefaultSchedule}", "--Gpio:Lcd:Enabled=false",
        })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi)!;
        _started.Add(process);
        // Drain stdout (the log) so the child never blocks on a full pipe; stderr is read at exit.
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    private static async Task WaitListeningAsync(Process process, int port)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!Listening(port))
        {
            Assert.False(process.HasExited, $"the controller exited ({(process.HasExited ? process.ExitCode : 0)}): {(process.HasExited ? await process.StandardError.ReadToEndAsync() : "")}");
            Assert.True(DateTime.UtcNow < deadline, $"the controller did not listen on {port} within {Timeout}");
            await Task.Delay(100);
        }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
