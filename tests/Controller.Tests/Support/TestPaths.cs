namespace MppSignage.Controller.Tests.Support;

internal static class TestPaths
{
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MppSignage.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The repository's default schedule document.</summary>
    public static string DefaultSchedule => Path.Combine(RepoRoot(), "deploy-pi", "config", "schedule.json");

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "mpp-ctl-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
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
