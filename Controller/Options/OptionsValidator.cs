using Microsoft.Extensions.Options;

namespace MppSignage.Controller.Options;

/// <summary>Runs the rules of <see cref="ControllerOptionsRules"/> for one options type at start-up.</summary>
/// <typeparam name="T">The options type.</typeparam>
internal sealed class OptionsValidator<T>(Func<T, IEnumerable<string>> rules) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = rules(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
