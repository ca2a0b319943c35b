using Microsoft.Extensions.Options;

namespace MppSignage.SignageRenderer.Options;

/// <summary>The start-up check of <see cref="SignageOptions"/>, generated at compile time (no reflection, trimmable).</summary>
[OptionsValidator]
public sealed partial class SignageOptionsValidator : IValidateOptions<SignageOptions>
{
}
