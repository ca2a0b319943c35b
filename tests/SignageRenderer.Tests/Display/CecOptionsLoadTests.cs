using Microsoft.Extensions.Configuration;
using MppSignage.SignageRenderer.Display;

namespace MppSignage.SignageRenderer.Tests.Display;

/// <summary>The Display:Cec section as the Pi's signage.env sets it (MPP_Display__Cec__Key=value).</summary>
public sealed class CecOptionsLoadTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void Load_Empty_DefaultsOffWithFifteenAndTenMinutes()
    {
        var o = CecOptions.Load(Config(), out var problems);

        Assert.Empty(problems);
        Assert.NotNull(o);
        Assert.False(o.Enabled);
        Assert.Equal(TimeSpan.FromMinutes(15), o.WakeBeforeOpening);
        Assert.Equal(TimeSpan.FromMinutes(10), o.StandbyAfterClosing);
    }

    [Fact]
    public void Load_InstalledTemplateValues_Read()
    {
        var o = CecOptions.Load(Config(("Display:Cec:Enabled", "true"), ("Display:Cec:Device", "/dev/cec1"),
            ("Display:Cec:WakeBeforeOpening", "00:30:00"), ("Display:Cec:StandbyAfterClosing", "00:05:00")), out _);

        Assert.NotNull(o);
        Assert.True(o.Enabled);
        Assert.Equal("/dev/cec1", o.Device);
        Assert.Equal(TimeSpan.FromMinutes(30), o.WakeBeforeOpening);
        Assert.Equal(TimeSpan.FromMinutes(5), o.StandbyAfterClosing);
    }

    [Theory]
    [InlineData("Display:Cec:Enabled", "yes", "Display:Cec:Enabled is 'yes': expected true or false.")] // not a boolean
    [InlineData("Display:Cec:WakeBeforeOpening", "15m", "Display:Cec:WakeBeforeOpening is '15m': expected a time span such as 00:15:00.")] // not a TimeSpan
    [InlineData("Display:Cec:Attempts", "three", "Display:Cec:Attempts is 'three': expected a whole number.")] // not a number
    [InlineData("Display:Cec:StandbyAfterClosing", "12:00:00", "Display:Cec:StandbyAfterClosing is 12:00:00: use 00:00:00 to 06:00:00.")] // parses, out of range
    public void Load_BadValue_NullWithProblemNamingKey(string key, string value, string problem)
    {
        var o = CecOptions.Load(Config((key, value)), out var problems);

        Assert.Null(o);
        Assert.Contains(problem, problems);
    }
}
