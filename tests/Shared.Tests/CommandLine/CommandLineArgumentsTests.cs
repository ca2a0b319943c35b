using MppSignage.Shared.CommandLine;

namespace MppSignage.Shared.Tests.CommandLine;

/// <summary>Issue 14 item 9: only --Section:Key=value passes through; unknown options are named with the nearest known one.</summary>
public sealed class CommandLineArgumentsTests
{
    [Theory]
    [InlineData("--Mqtt:Port=1884", true)]            // the override form
    [InlineData("--Gpio:Relay:Pin=17", true)]          // nested key
    [InlineData("--Display:Font=", true)]              // empty value is still a value
    [InlineData("--Mqtt:Port", false)]                 // no value: not passed through
    [InlineData("--imag", false)]                      // a typo of an option
    [InlineData("--image=poster.jpg", false)]          // an option with =, no section
    [InlineData("Mqtt:Port=1884", false)]              // no dashes
    public void IsConfigurationOverride_OnlyTheSectionKeyValueForm(string token, bool expected) =>
        Assert.Equal(expected, CommandLineArguments.IsConfigurationOverride(token));

    [Fact]
    public void Prepare_CarriesOverridesOnTheHiddenOption_AndLeavesTheRest()
    {
        var prepared = CommandLineArguments.Prepare(["status", "--json", "--Mqtt:Port=1884", "--imag", "x"]);
        Assert.Equal(["status", "--json", CommandLineArguments.OverrideOption, "Mqtt:Port=1884", "--imag", "x"], prepared);
        Assert.Equal(["--Mqtt:Port=1884"], CommandLineArguments.Overrides(["Mqtt:Port=1884"]));
    }

    [Theory]
    [InlineData("--imag", "unknown option '--imag' (did you mean --image?); only --Section:Key=value passes through as configuration")]  // prefix
    [InlineData("--prot", "unknown option '--prot' (did you mean --port?); only --Section:Key=value passes through as configuration")]   // swapped letters
    [InlineData("--verbose", "unknown option '--verbose'; only --Section:Key=value passes through as configuration")]                   // nothing near
    [InlineData("--Mqtt:Port", "'--Mqtt:Port' is not a configuration override: give it as --Section:Key=value in one argument (e.g. --Mqtt:Port=1884)")] // override without =value
    [InlineData("poster.jpg", "unexpected argument 'poster.jpg'")]                                                                      // a stray word
    public void Unrecognised_NamesTheTokenAndTheNearestOption(string token, string expected) =>
        Assert.Equal(expected, CommandLineArguments.Unrecognised(token, ["--id", "--image", "--port", "--title", "-u", "--user"]));
}
