using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Options;
using MppSignage.SignageRenderer.Text;
using MppSignage.TestSupport;
using Microsoft.Extensions.Configuration;

namespace MppSignage.SignageRenderer.Tests.Hosting;

/// <summary>Start-up checks: every bad key is named with its fix; a missing font stops the start.</summary>
public sealed class StartupTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
        Assert.Null(SignageOptions.Load(config, out var problems));
        return problems;
    }

    [Theory]
    // site id with a slash would break topics
    [InlineData("Site:Id", "a/b")]
    [InlineData("Site:TimeZone", "Asia/Probolinggo")]
    [InlineData("Screen:Id", "Pintu Utama")]
    [InlineData("Mqtt:Port", "70000")]
    [InlineData("Display:Output", "hdmi")]
    [InlineData("Display:Size", "1920*1080")]
    [InlineData("Display:Rotate", "45")]
    [InlineData("Display:Language", "en")]
    [InlineData("Display:StaleAfter", "two minutes")]
    [InlineData("Qr:WhatsAppNumber", "call us")]
    [InlineData("Qr:ReviewUrl", "g.page/review")]
    [InlineData("Rotation:StatusSeconds", "1")]
    [InlineData("Rotation:ShowQr", "maybe")]
    public void Load_BadKey_NamedWithFix(string key, string value)
    {
        var problem = Assert.Single(Problems((key, value)));

        Assert.StartsWith(key + ":", problem);
        Assert.Contains(value, problem);
    }

    [Theory]
    [InlineData(false)] // a path that does not exist
    [InlineData(true)]  // a file that is not a PEM certificate
    public void Load_BadTlsCaFile_NamedWithReason(bool exists)
    {
        var path = Path.Combine(TempDir.Create("signage"), "ca.pem");
        if (exists)
        {
            File.WriteAllText(path, "not a certificate");
        }

        try
        {
            var problem = Assert.Single(Problems(("Mqtt:TlsCaFile", path)));
            Assert.StartsWith("Mqtt:TlsCaFile:", problem);
            Assert.Contains(exists ? "no PEM certificate" : "does not exist", problem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_Defaults_AreValid()
    {
        var options = SignageOptions.Load(new ConfigurationBuilder().Build(), out var problems);

        Assert.Empty(problems);
        Assert.Equal("probolinggo", options!.Site.SiteId());
        Assert.Equal(1920, options.Display.Geometry()!.Width);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Display.StaleAfter);
    }

    [Fact]
    public void FontSet_UnknownFamily_ClearError()
    {
        Assert.False(FontSet.TryLoad("Nonexistent Sans", "Display:Font", out var fonts, out var error));

        Assert.Null(fonts);
        Assert.StartsWith("Display:Font: font family \"Nonexistent Sans\" is not installed", error);
        Assert.Contains("fonts-dejavu-core", error);
    }

    [Fact]
    public void FontSet_FileThatIsNotAFont_ClearError()
    {
        var path = Path.Combine(TempDir.Create("signage"), "fake.ttf");
        File.WriteAllText(path, "not a font");

        Assert.False(FontSet.TryLoad(path, "Display:Font", out _, out var error));

        Assert.Contains("not a font file", error);
    }

    [Fact]
    public void FontSet_Installed_HasEveryNeededGlyph()
    {
        Assert.True(FontSet.TryLoad("DejaVu Sans", "Display:Font", out var fonts, out var error), error);
        using (fonts)
        {
            Assert.Equal("", FontSet.MissingCharacters(fonts!.Regular, FontSet.RequiredCharacters));
            // A character the font cannot draw (CJK in DejaVu) becomes a visible '?', never silent blank text.
            Assert.Equal("Halo ?", fonts.Sanitize("Halo 漢"));
        }
    }

    [Fact]
    public void Host_MissingFont_DoesNotStart_AndSaysWhy()
    {
        Assert.False(SignageHost.TryCreate(["--Display:Font=Nonexistent Sans"], TimeProvider.System, out var host, out var errors));

        Assert.Null(host);
        Assert.Contains(errors, e => e.StartsWith("Display:Font:", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_FramebufferMissing_DoesNotStart_AndSaysWhy()
    {
        var dir = TempDir.Create("signage");

        Assert.False(SignageHost.TryCreate(["--Display:Output=framebuffer", $"--Display:FramebufferSysfs={dir}/none"], TimeProvider.System, out _, out var errors));

        Assert.Contains(errors, e => e.StartsWith("Display:FramebufferSysfs:", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_UnknownArgument_Exit2()
    {
        Assert.Equal(2, MppSignage.SignageRenderer.Cli.RunVerb.Run(["--Display:Size=1080x1920", "fullscreen"]));
    }
}
