namespace MppSignage.TestSupport;

/// <summary>Where things are in the repository: built executables, shipped configuration, artifacts.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MppSignage.sln not found above {AppContext.BaseDirectory}; run the tests from the repository.");
    });

    /// <summary>The repository root (the folder holding MppSignage.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The configuration this test assembly was built in (scripts/test.sh builds Release).</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The controller executable from its own bin folder (built with the tests through the project reference).</summary>
    public static string ControllerExe => Exe("Controller", "mpp-controller");

    /// <summary>The renderer executable from its own bin folder.</summary>
    public static string SignageExe => Exe("SignageRenderer", "mpp-signage");

    /// <summary>The repository's <c>deploy-pi/config/schedule.json</c> (MPP Kota Probolinggo).</summary>
    public static string DefaultSchedule => Path.Combine(Root, "deploy-pi", "config", "schedule.json");

    public static string MosquittoDirectory => Path.Combine(Root, "deploy-pi", "mosquitto");

    /// <summary>Where scripts/test.sh collects results; figures.txt there is printed at the end of the run.</summary>
    public static string Results => Path.Combine(Root, "artifacts", "test-results");

    private static string Exe(string project, string name)
    {
        foreach (var configuration in new[] { Configuration, Configuration == "Release" ? "Debug" : "Release" })
        {
            var path = Path.Combine(Root, project, "bin", configuration, "net10.0", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"{name} is not built: run `dotnet build {project} -c Release` (scripts/test.sh builds everything).");
    }
}
