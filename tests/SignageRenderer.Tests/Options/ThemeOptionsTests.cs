using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Text;
using MppSignage.TestSupport;
using Microsoft.Extensions.Configuration;
using SkiaSharp;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Options;

/// <summary>Theme colours: #rrggbb, readable pairs only, and they reach the frame.</summary>
public sealed class ThemeOptionsTests
{
    private static SignageOptions? Load(out IReadOnlyList<string> problems, params (string Key, string Value)[] values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
        return SignageOptions.Load(config, out problems);
    }

    [Fact]
    public void Defaults_PassTheContrastCheck()
    {
        Assert.NotNull(Load(out var problems));
        Assert.Empty(problems);
        Assert.Equal(Palette.Default, new SignageThemeOptions().Palette());
    }

    [Theory]
    // no hash
    [InlineData("Theme:Background", "0b1f3a")]
    // short form
    [InlineData("Theme:Accent", "#fc1")]
    // a name
    [InlineData("Theme:Open", "green")]
    // not hex
    [InlineData("Theme:Card", "#12345g")]
    public void BadColour_NamedWithTheForm(string key, string value)
    {
        Assert.Null(Load(out var problems, (key, value)));

        var problem = Assert.Single(problems);
        Assert.StartsWith(key + ":", problem);
        Assert.Contains("#rrggbb", problem);
    }

    [Theory]
    // yellow text on a white background
    [InlineData("Theme:Background", "#ffffff", "Theme:Accent")]
    // pale green: white text unreadable on it
    [InlineData("Theme:Open", "#7fd68f", "Theme:Text")]
    // grey text on the navy background
    [InlineData("Theme:Secondary", "#4a5568", "Theme:Secondary")]
    public void LowContrast_Refused_NamingBothKeys(string key, string value, string textKey)
    {
        Assert.Null(Load(out var problems, (key, value)));

        var problem = problems.First(p => p.StartsWith(textKey + ":", StringComparison.Ordinal));
        Assert.Contains(key, problem);
        Assert.Contains("contrast", problem);
    }

    [Fact]
    public void Contrast_KnownPairs()
    {
        Assert.Equal(21, Palette.Contrast(SKColors.White, SKColors.Black), 1);
        Assert.Equal(1, Palette.Contrast(SKColors.Red, SKColors.Red), 3);
    }

    [Fact]
    public void CustomColours_ReachTheFrame()
    {
        var options = Load(out var problems, ("Theme:Open", "#14532d"), ("Theme:Background", "#1e1b4b"));
        Assert.True(options is not null, string.Join("; ", problems));
        var fitter = new TextFitter(Fonts);
        var g = new ScreenGeometry(1280, 720);
        using var renderer = new FrameRenderer(g, SignageLook.Layouter(fitter, options!, null), new FramePainter(fitter));
        var words = new SignageSlides(Jakarta);
        var footer = words.Footer(J(2024, 7, 1, 9, 0), null);

        renderer.Render(words.Status(MppSignage.SignageRenderer.Preview.ScheduleStatus.Compute(Schedules.Default, J(2024, 7, 1, 9, 0)), J(2024, 7, 1, 9, 0)), footer, null);
        Assert.Equal(new SKColor(0x14, 0x53, 0x2d), renderer.Frame.GetPixel(4, 4));
        renderer.Render(words.Hours(Schedules.Default, J(2024, 7, 1, 9, 0)), footer, null);
        Assert.Equal(new SKColor(0x1e, 0x1b, 0x4b), renderer.Frame.GetPixel(4, 4));
    }
}
