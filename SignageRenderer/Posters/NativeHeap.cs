using System.Runtime.InteropServices;

namespace MppSignage.SignageRenderer.Posters;

/// <summary>
/// glibc's allocator settings for a process that decodes posters. A decoded poster is a few MB of native memory
/// (SkiaSharp). By default glibc raises its mmap threshold each time such a block is freed, so later posters are
/// carved from the heap, which fragments and is not given back: measured with 20 posters in rotation, 174 MB peak
/// RSS by default against ~125 MB with a fixed threshold (benchmarks/PosterBench). A fixed 128 KB threshold maps
/// every large block on its own and unmaps it when freed; two arenas keep the render, MQTT and thread-pool
/// threads from each holding a grown heap of their own.
/// </summary>
internal static partial class NativeHeap
{
    private const int MTrimThreshold = -1;
    private const int MMmapThreshold = -3;
    private const int MArenaMax = -8;

    /// <summary>Applies the settings (Linux with glibc only; elsewhere, or if refused, the defaults stay).</summary>
    public static bool Configure()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return mallopt(MMmapThreshold, 128 * 1024) == 1
                & mallopt(MTrimThreshold, 128 * 1024) == 1
                & mallopt(MArenaMax, 2) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl or another libc without mallopt: its own behaviour stays.
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int param, int value);
}
