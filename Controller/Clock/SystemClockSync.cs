using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Options;

namespace MppSignage.Controller.Clock;

/// <summary>
/// Clock status from systemd-timesyncd's marker file, else the kernel: <c>adjtimex</c> returns
/// TIME_ERROR (5) while the clock is unsynchronised (STA_UNSYNC), whichever NTP daemon is used.
/// </summary>
internal sealed partial class SystemClockSync(IOptions<ClockOptions> options) : IClockSync
{
    private const int TimeError = 5;

    public bool IsSynchronized()
    {
        var o = options.Value;
        if (o.AssumeSynchronized)
        {
            return true;
        }

        if (File.Exists(o.SyncFile))
        {
            return true;
        }

        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // struct timex is about 208 bytes on 64-bit Linux; modes (the first field) = 0 means "read only".
        Span<byte> timex = stackalloc byte[512];
        timex.Clear();
        try
        {
            return Adjtimex(ref MemoryMarshal.GetReference(timex)) is >= 0 and not TimeError;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "adjtimex", SetLastError = true)]
    private static partial int Adjtimex(ref byte timex);
}
