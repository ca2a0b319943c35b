using System.Globalization;

namespace MppSignage.Controller.State;

/// <summary>
/// One controller per state directory: an exclusive lock on <c>controller.lock</c> (flock, released by the
/// kernel when the process dies, so a power cut or SIGKILL leaves nothing stale) and the holder's PID in
/// <c>controller.pid</c> for the message the next one prints. Taken before the broker, GPIO or anything
/// else starts, so a second instance changes nothing.
/// </summary>
internal sealed class InstanceLock : IDisposable
{
    public const string LockFile = "controller.lock";
    public const string PidFile = "controller.pid";

    private readonly FileStream _lock;

    private InstanceLock(FileStream held) => _lock = held;

    /// <summary>
    /// Takes the lock of <paramref name="directory"/> (created when missing). Throws
    /// <see cref="InvalidOperationException"/> naming the other process when it is held.
    /// </summary>
    public static InstanceLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        var lockPath = Path.Combine(directory, LockFile);
        var pidPath = Path.Combine(directory, PidFile);
        FileStream held;
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix.
            held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var other = ReadPid(pidPath);
            throw new InvalidOperationException(
                $"another mpp-controller {(other is null ? "" : $"(PID {other}) ")}is using the state directory {directory} ({lockPath} is locked); "
                + $"stop it first{(other is null ? "" : $" (kill {other})")}, or give this one its own --State:Directory.");
        }

        File.WriteAllText(pidPath, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        return new InstanceLock(held);
    }

    public void Dispose() => _lock.Dispose();

    private static int? ReadPid(string path)
    {
        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The PID is only for the message; the lock is what counts.
            return null;
        }
    }
}
