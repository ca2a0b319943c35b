namespace MppSignage.TestSupport;

/// <summary>Fresh directories under /tmp/mpp-tests, one per use (traversable by the mosquitto user).</summary>
public static class TempDir
{
    /// <summary>Creates <c>/tmp/mpp-tests/&lt;label&gt;-&lt;random&gt;</c>.</summary>
    public static string Create(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);

        // /tmp rather than $TMPDIR: a root-only TMPDIR (e.g. under /root) would hide the files from the
        // mosquitto user that Mosquitto drops to.
        var parent = Path.Combine(OperatingSystem.IsLinux() && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), "mpp-tests");
        Directory.CreateDirectory(parent);
        var path = Path.Combine(parent, $"{label}-{Guid.NewGuid().ToString("N")[..10]}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Removes a test directory; a leftover is harmless, so failures are ignored.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Something still holds a file: /tmp is cleaned by the system anyway.
        }
    }
}
