namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>Finds the repository root (the folder holding MppSignage.sln) from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MppSignage.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No MppSignage.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
