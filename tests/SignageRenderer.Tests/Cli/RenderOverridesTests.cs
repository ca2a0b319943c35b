using MppSignage.TestSupport;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Cli;

/// <summary>
/// <c>render</c> takes the same <c>--Section:Key=value</c> configuration overrides as the service, so a preview shows the
/// site's logo and theme (before, the verb accepted them and drew the defaults).
/// </summary>
public sealed class RenderOverridesTests : IDisposable
{
    private readonly string _dir = TempDir.Create("render-overrides");

    public void Dispose() => TempDir.TryDelete(_dir);

    private string[] Args(string outPath, params string[] overrides) =>
        ["render", "--schedule", RepoPaths.DefaultSchedule, "--at", "2026-12-01T09:00:00+07:00", "--slide", "hours", "--size", "1280x720", "--out", outPath, .. overrides];

    [Fact]
    public void ThemeOverride_ReachesTheRenderedFrame()
    {
        var plain = Path.Combine(_dir, "plain.png");
        var themed = Path.Combine(_dir, "themed.png");

        Assert.Equal(0, Program.Main(Args(plain)));
        Assert.Equal(0, Program.Main(Args(themed, "--Theme:Background=#3a0b2a")));

        using var a = SKBitmap.Decode(plain);
        using var b = SKBitmap.Decode(themed);
        // A corner of the hours slide is its background.
        Assert.NotEqual(new SKColor(0x3a, 0x0b, 0x2a), a.GetPixel(4, a.Height / 2));
        Assert.Equal(new SKColor(0x3a, 0x0b, 0x2a), b.GetPixel(4, b.Height / 2));
    }

    [Fact]
    public void LogoOverride_IsCheckedLikeTheService()
    {
        var svg = Path.Combine(_dir, "logo.svg");
        File.WriteAllText(svg, """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>""");
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int code;
        try
        {
            code = Program.Main(Args(Path.Combine(_dir, "logo.png"), $"--Site:Logo={svg}"));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(2, code);
        Assert.Contains("Site:Logo", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "logo.png")));
    }
}
