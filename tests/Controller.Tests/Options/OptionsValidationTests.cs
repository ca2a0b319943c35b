using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Hosting;

namespace MppSignage.Controller.Tests.Options;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("--Site:Id=Kota Probolinggo", "Site:Id")]                     // not a topic level
    [InlineData("--Gpio:Driver=gpiozero", "Gpio:Driver")]                     // unknown driver
    [InlineData("--Gpio:Lamps:Open=17", "Gpio:Lamps:Open")]                   // pin used twice (relay is 17)
    [InlineData("--Mqtt:Broker=cloud", "Mqtt:Broker")]                        // unknown broker kind
    [InlineData("--Mqtt:Users:0:PasswordHash=admin-dev", "Mqtt:Users:0:PasswordHash")] // a password instead of a hash
    [InlineData("--Clock:UnsynchronizedPolicy=maybe", "Clock:UnsynchronizedPolicy")]   // unknown policy
    [InlineData("--Door:OverrideMaxHours=0", "Door:OverrideMaxHours")]        // no overrides possible
    public async Task Start_WithInvalidOption_StopsWithKeyAndFix(string arg, string key)
    {
        var args = new[] { "--Gpio:Driver=simulated", "--Mqtt:Users:0:Name=a", "--Mqtt:Users:0:Role=admin", $"--Mqtt:Users:0:PasswordHash={MppSignage.Shared.Mqtt.PasswordHash.Create("x", 100)}", arg };
        using var host = ControllerHost.Build(args);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        var failure = Assert.Single(ex.Failures, f => f.StartsWith(key + " ", StringComparison.Ordinal));
        Assert.Contains("Fix:", failure);
    }

    [Fact]
    public void RunVerb_InvalidOption_ExitsWith2()
    {
        Assert.Equal(2, MppSignage.Controller.Cli.RunVerb.Run(["--Gpio:Driver=simulated", "--Site:Id=ALL CAPS"]));
    }
}
