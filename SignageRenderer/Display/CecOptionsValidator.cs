using Microsoft.Extensions.Options;

namespace MppSignage.SignageRenderer.Display;

/// <summary>Checks <see cref="CecOptions"/> at start; each failure names the key and the accepted range.</summary>
public sealed class CecOptionsValidator : IValidateOptions<CecOptions>
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(6);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CecOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string p = CecOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Device))
        {
            errors.Add($"{p}:Device is empty: give the CEC device, e.g. /dev/cec0.");
        }

        if (string.IsNullOrWhiteSpace(options.CecCtlPath))
        {
            errors.Add($"{p}:CecCtlPath is empty: give the cec-ctl executable (package v4l-utils).");
        }

        if (options.WakeBeforeOpening < TimeSpan.Zero || options.WakeBeforeOpening > MaxOffset)
        {
            errors.Add($"{p}:WakeBeforeOpening is {options.WakeBeforeOpening}: use 00:00:00 to 06:00:00.");
        }

        if (options.StandbyAfterClosing < TimeSpan.Zero || options.StandbyAfterClosing > MaxOffset)
        {
            errors.Add($"{p}:StandbyAfterClosing is {options.StandbyAfterClosing}: use 00:00:00 to 06:00:00.");
        }

        if (options.Attempts is < 1 or > 10)
        {
            errors.Add($"{p}:Attempts is {options.Attempts}: use 1 to 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{p}:RetryDelay is {options.RetryDelay}: use 00:00:00 to 00:01:00.");
        }

        if (options.CommandTimeout <= TimeSpan.Zero || options.CommandTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{p}:CommandTimeout is {options.CommandTimeout}: use more than 0 and at most 00:01:00.");
        }

        if (options.RetryFailedAfter < TimeSpan.FromSeconds(10) || options.RetryFailedAfter > TimeSpan.FromHours(6))
        {
            errors.Add($"{p}:RetryFailedAfter is {options.RetryFailedAfter}: use 00:00:10 to 06:00:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
