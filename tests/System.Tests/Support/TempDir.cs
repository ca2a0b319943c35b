namespace MppSignage.SystemTests.Support;

/// <summary>A fresh directory under /tmp/mpp-system-tests (traversable by the mosquitto user).</summary>
internal static class TempDir
{
    public static string Create(string label)
    {
        // /tmp rather than $TMPDIR: a root-only TMPDIR (e.g. under /root) would hide the files from the
        // mosquitto user that Mosquitto drops to.
        var parent = Path.Combine(OperatingSystem.IsLinux() && Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath(), "mpp-system-tests");
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

    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
