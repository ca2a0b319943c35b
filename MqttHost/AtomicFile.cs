using System.Runtime.InteropServices;

namespace MppSignage.MqttHost;

/// <summary>
/// Crash-safe file replacement: write a temporary file in the same directory, fsync it, rename it over
/// the target (atomic on POSIX), then fsync the directory so the rename itself survives a power cut.
/// A reader therefore sees the old content or the new, never a mixture.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>Suffix of the temporary files; leftovers of a crash are removed by <see cref="RemoveLeftovers"/>.</summary>
    public const string TempSuffix = ".tmp";

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/>.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="content">New content.</param>
    /// <param name="beforeRename">Test hook: runs after the temporary file is durable and before the rename (a throw here simulates a crash).</param>
    public static void Write(string path, ReadOnlySpan<byte> content, Action? beforeRename = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}{TempSuffix}");
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        beforeRename?.Invoke();
        File.Move(temp, path, overwrite: true);
        SyncDirectory(directory);
    }

    /// <summary>Deletes <paramref name="path"/> durably (the directory entry is synced).</summary>
    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
            SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
    }

    /// <summary>
    /// Removes temporary files a crash left behind in <paramref name="directory"/>; returns their names. One that
    /// cannot be removed (a read-only file system) is reported to <paramref name="problems"/> and left: it is
    /// never read, only overwritten by the next write.
    /// </summary>
    public static IReadOnlyList<string> RemoveLeftovers(string directory, ICollection<string>? problems = null)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "." + "*" + TempSuffix))
        {
            try
            {
                File.Delete(file);
                removed.Add(Path.GetFileName(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems?.Add($"cannot remove {Path.GetFileName(file)} left by an interrupted write ({ex.Message})");
            }
        }

        return removed;
    }

    /// <summary>fsync on the directory, so a completed rename is on disk (POSIX only; elsewhere a no-op).</summary>
    public static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        const int O_RDONLY = 0;
        var fd = Open(directory, O_RDONLY);
        if (fd < 0)
        {
            // Without a directory handle the rename is still atomic, only its durability is up to the kernel's writeback.
            return;
        }

        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
