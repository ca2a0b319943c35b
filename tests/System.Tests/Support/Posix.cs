using System.Runtime.InteropServices;

namespace MppSignage.SystemTests.Support;

/// <summary>Signals by PID (SIGTERM for a clean stop; Process.Kill is SIGKILL) and the effective user id.</summary>
internal static partial class Posix
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    public static bool IsRoot => GetEuid() == 0;

    public static void Signal(int pid, int signal) => _ = Kill(pid, signal);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
