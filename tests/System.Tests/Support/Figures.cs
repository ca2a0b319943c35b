using MppSignage.TestSupport;
namespace MppSignage.SystemTests.Support;

/// <summary>
/// Measured figures of the fault and abuse tests, appended to artifacts/test-results/figures.txt, which
/// scripts/test.sh prints before its final count line (and docs/broker.md quotes).
/// </summary>
internal static class Figures
{
    private static readonly object Gate = new();

    public static void Record(string line)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(RepoPaths.Results);
            File.AppendAllText(Path.Combine(RepoPaths.Results, "figures.txt"), $"[System.Tests] {line}\n");
        }
    }
}
