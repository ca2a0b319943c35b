using MppSignage.SignageRenderer.Display;

namespace MppSignage.SignageRenderer.Tests.Display;

public sealed class CecOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new CecOptionsValidator().Validate(null, new CecOptions()).Succeeded);

    [Theory]
    [InlineData("WakeBeforeOpening", "-00:05:00", "Display:Cec:WakeBeforeOpening is -00:05:00: use 00:00:00 to 06:00:00.")] // negative offset
    [InlineData("StandbyAfterClosing", "07:00:00", "Display:Cec:StandbyAfterClosing is 07:00:00: use 00:00:00 to 06:00:00.")] // longer than the cap
    [InlineData("Attempts", "0", "Display:Cec:Attempts is 0: use 1 to 10.")] // never tries
    [InlineData("Device", "", "Display:Cec:Device is empty")] // no device
    public void Validate_BadValue_NamesKeyAndRange(string key, string value, string message)
    {
        var options = new CecOptions();
        switch (key)
        {
            case "WakeBeforeOpening": options.WakeBeforeOpening = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "StandbyAfterClosing": options.StandbyAfterClosing = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Attempts": options.Attempts = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Device": options.Device = value; break;
        }

        var result = new CecOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(message, StringComparison.Ordinal));
    }
}
