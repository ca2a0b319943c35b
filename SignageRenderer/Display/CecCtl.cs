using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MppSignage.SignageRenderer.Display;

/// <summary>
/// Sends Image View On / Standby to the TV (logical address 0) by running <c>cec-ctl</c> from v4l-utils,
/// which talks to the kernel CEC device (<c>/dev/cec0</c> under the KMS driver on Raspberry Pi OS
/// bookworm, where <c>vcgencmd display_power</c> no longer works).
/// </summary>
public sealed partial class CecCtl
{
    private readonly CecOptions _options;

    /// <summary>Creates a sender for the configured device and executable.</summary>
    public CecCtl(CecOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Asks the TV for <paramref name="power"/>, once (the caller retries).</summary>
    public async Task<CecCtlResult> SendAsync(CecPower power, CancellationToken cancellationToken)
    {
        // Claim a Playback logical address first: without one (e.g. the TV was off at boot and the
        // adapter lost its address), cec-ctl prints "Adapter is unconfigured" and sends nothing.
        var configure = await RunAsync(["-d", _options.Device, "--playback"], cancellationToken).ConfigureAwait(false);
        if (configure.ExitCode != 0)
        {
            return new CecCtlResult(false, FirstLine(configure.Output));
        }

        var message = power == CecPower.On ? "--image-view-on" : "--standby";
        var sent = await RunAsync(["-d", _options.Device, "--skip-info", "--to", "0", message], cancellationToken).ConfigureAwait(false);
        var verdict = Judge(sent);
        if (!verdict.Acknowledged || power != CecPower.On)
        {
            return verdict;
        }

        // Make this Pi the TV's active input, in case someone switched it to another source. Best effort:
        // the TV is already on, which is what matters.
        if (PhysicalAddressPattern().Match(configure.Output) is { Success: true } m && m.Groups[1].Value != "f.f.f.f")
        {
            await RunAsync(["-d", _options.Device, "--skip-info", "--to", "0", "--active-source", $"phys-addr={m.Groups[1].Value}"], cancellationToken).ConfigureAwait(false);
        }

        return verdict;
    }

    /// <summary>
    /// cec-ctl exits 0 even when the TV did not acknowledge: the transmit status line ("Tx, Not
    /// Acknowledged …", printed only when not OK) and the "unconfigured" warning are what tell.
    /// </summary>
    public static CecCtlResult Judge((int ExitCode, string Output) run)
    {
        if (run.ExitCode != 0)
        {
            return new CecCtlResult(false, FirstLine(run.Output));
        }

        foreach (var raw in run.Output.Split('\n'))
        {
            var line = raw.Trim();
            if ((line.StartsWith("Tx,", StringComparison.Ordinal) && !line.StartsWith("Tx, OK", StringComparison.Ordinal))
                || line.Contains("unconfigured", StringComparison.OrdinalIgnoreCase))
            {
                return new CecCtlResult(false, line);
            }
        }

        return run.Output.Contains("Transmit from", StringComparison.Ordinal)
            ? new CecCtlResult(true, string.Empty)
            : new CecCtlResult(false, "cec-ctl transmitted nothing: " + FirstLine(run.Output));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_options.CecCtlPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null.");
        }
        catch (Win32Exception ex)
        {
            return (127, $"cannot run {_options.CecCtlPath}: {ex.Message} (install v4l-utils)");
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.CommandTimeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A hung cec-ctl (adapter stuck) must not block the renderer: kill it and report.
                process.Kill(entireProcessTree: true);
                return (124, $"cec-ctl did not finish within {_options.CommandTimeout.TotalSeconds:0} s");
            }
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no output" : line;
    }

    [GeneratedRegex(@"Physical Address\s*:\s*([0-9a-f]\.[0-9a-f]\.[0-9a-f]\.[0-9a-f])", RegexOptions.IgnoreCase)]
    private static partial Regex PhysicalAddressPattern();
}
