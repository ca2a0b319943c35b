using System.Diagnostics;
using MppSignage.SignageRenderer.Cli;
using MppSignage.TestSupport;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Cli;

/// <summary>Issue 14 item 8: <c>render</c> without <c>--out</c> writes into an ignored folder, never the working tree.</summary>
public sealed class RenderDefaultOutTests
{
    [Fact]
    public void Render_WithoutOut_WritesUnderLocalPreviewsWhichGitIgnores()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = RenderVerb.Execute(new RenderVerb.Request(RepoPaths.DefaultSchedule, null, null, "2024-07-04T13:35:00+07:00", "status", "1920x1080", null), stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var written = stdout.ToString().Split(':')[0];
        Assert.Equal(Path.Combine(".local", "previews", "status-20240704-1335-1920x1080.png"), written);
        Assert.True(File.Exists(written));
        File.Delete(written);

        // The same relative path in the repository is ignored, so a preview never shows up in `git status`.
        var check = Process.Start(new ProcessStartInfo("git", ["-C", RepoPaths.Root, "check-ignore", "-q", written]) { RedirectStandardError = true })!;
        check.WaitForExit();
        Assert.Equal(0, check.ExitCode);
    }
}
