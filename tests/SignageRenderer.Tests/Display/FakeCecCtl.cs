using MppSignage.TestSupport;

namespace MppSignage.SignageRenderer.Tests.Display;

/// <summary>
/// A stand-in cec-ctl executable (a real shell script run as a real process): it records each
/// command line and answers like cec-ctl does for a TV that acknowledges, or one that does not.
/// </summary>
internal sealed class FakeCecCtl : IDisposable
{
    private readonly string _dir = TempDir.Create("fake-cec");

    public FakeCecCtl()
    {
        Path = System.IO.Path.Combine(_dir, "cec-ctl");
        File.WriteAllText(System.IO.Path.Combine(_dir, "mode"), "ack");
        File.WriteAllText(Path, $$"""
            #!/bin/sh
            echo "$*" >> '{{_dir}}/calls'
            case "$*" in
              *--playback*) printf 'Driver Info:\n\tDriver Name                : vc4_hdmi\nPhysical Address           : 1.0.0.0\n'; exit 0 ;;
            esac
            printf '\nTransmit from Playback Device 1 to TV (4 to 0):\n'
            [ "$(cat '{{_dir}}/mode')" = nack ] && printf '\tTx, Not Acknowledged (1), Max Retries\n'
            exit 0
            """.Replace("\r", string.Empty));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    /// <summary>False: the fake TV stops acknowledging (CEC disabled, unplugged).</summary>
    public bool TvAnswers
    {
        set => File.WriteAllText(System.IO.Path.Combine(_dir, "mode"), value ? "ack" : "nack");
    }

    /// <summary>Every command line cec-ctl was run with, in order.</summary>
    public IReadOnlyList<string> Calls
    {
        get
        {
            var file = System.IO.Path.Combine(_dir, "calls");
            return File.Exists(file) ? File.ReadAllLines(file) : [];
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
