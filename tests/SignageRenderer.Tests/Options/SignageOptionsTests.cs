using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MppSignage.SignageRenderer.Hosting;
using MppSignage.SignageRenderer.Options;
using MppSignage.TestSupport;

namespace MppSignage.SignageRenderer.Tests.Options;

/// <summary>The renderer's options: bound by the generated binder, checked by the generated validator, defaults in one place.</summary>
public sealed class SignageOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("Rotation:ShowQr", "maybe", "Rotation:ShowQr: 'maybe' must be true or false.")]                      // not a boolean
    [InlineData("Mqtt:Port", "abc", "Mqtt:Port: 'abc' must be a whole number.")]                                      // not a number
    [InlineData("Mqtt:Port", "0", "Mqtt:Port: '0' must be a whole number from 1 to 65535.")]                          // a number out of range
    [InlineData("Display:StaleAfter", "2.00:00:00", "Display:StaleAfter: '2.00:00:00' must be a duration hh:mm:ss from 00:00:00 to 1.00:00:00 (e.g. 00:02:00 for two minutes).")] // a duration out of range
    [InlineData("Mqtt:ReconnectMin", "00:01:00", "Mqtt:ReconnectMax: must not be shorter than Mqtt:ReconnectMin.")]   // cross-field rule
    public void Load_BadValue_ExactMessage(string key, string value, string expected)
    {
        Assert.Null(SignageOptions.Load(Config((key, value), ("Mqtt:ReconnectMax", "00:00:30")), out var problems));

        Assert.Equal(expected, Assert.Single(problems));
    }

    [Fact]
    public void Load_BadValuesInSeveralSections_EachReported()
    {
        Assert.Null(SignageOptions.Load(Config(("Rotation:ShowQr", "maybe"), ("Mqtt:Port", "abc"), ("Display:Size", "big"), ("Screen:Id", "Pintu Utama")), out var problems));

        Assert.Equal(["Display:Size:", "Mqtt:Port:", "Rotation:ShowQr:", "Screen:Id:"], problems.Select(p => p[..(p.IndexOf(": ", StringComparison.Ordinal) + 1)]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Failed to convert configuration value 'maybe' at 'Rotation:ShowQr' to type 'System.Boolean'.")] // the binder's message
    [InlineData("Error_FailedBinding, maybe, Rotation:ShowQr, System.Boolean")]                                   // the same under UseSystemResourceKeys (the published renderer)
    public void ConversionProblem_BothMessageForms_NameKeyAndValue(string message)
    {
        Assert.Equal("Rotation:ShowQr: 'maybe' must be true or false.", SignageOptions.ConversionProblem("Rotation", message));
    }

    [Fact]
    public void New_DefaultOptions_AreValid()
    {
        // Services and tests build options with new(): the defaults (the options' constants) must pass the validator.
        Assert.False(new SignageOptionsValidator().Validate(null, new SignageOptions()).Failed);
    }

    [Fact]
    public void Load_ValuesAreTrimmedAndTyped()
    {
        var options = SignageOptions.Load(Config(("Display:Size", " 1080x1920 "), ("Display:Output", "FB"), ("Display:Language", "id + en"), ("Site:Name", "  "), ("Rotation:StatusEvery", "3")), out var problems);

        Assert.Empty(problems);
        Assert.Equal((1080, 1920), (options!.Display.Geometry()!.Width, options.Display.Geometry()!.Height));
        Assert.Equal(OutputKind.Framebuffer, options.Display.Kind());
        Assert.True(options.Display.Bilingual());
        Assert.Null(options.Site.HeaderName());   // blank hides the header
        Assert.Equal(3, options.Rotation.StatusEvery);
    }

    [Fact]
    public void Host_RegistersTheGeneratedValidator_AndTheBoundOptions()
    {
        var dir = TempDir.Create("signage");
        Assert.True(SignageHost.TryCreate([$"--Display:PngPath={dir}/frame.png", $"--Posters:CacheDirectory={dir}/posters", "--Mqtt:Port=1"], TimeProvider.System, out var host, out var errors), string.Join("; ", errors));
        using (host)
        {
            var validator = host!.Services.GetRequiredService<IValidateOptions<SignageOptions>>();
            Assert.IsType<SignageOptionsValidator>(validator);
            Assert.Equal(1, host.Services.GetRequiredService<IOptions<SignageOptions>>().Value.Mqtt.Port);
        }
    }
}
