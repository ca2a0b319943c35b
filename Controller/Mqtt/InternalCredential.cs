using System.Security.Cryptography;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// The controller's own identity on its embedded broker: user <c>controller</c> with a random password
/// made at start, so the in-process client needs no configured secret.
/// </summary>
public sealed class InternalCredential
{
    /// <summary>The user name (role controller).</summary>
    public string Username { get; } = "controller";

    /// <summary>The random password of this process.</summary>
    public string Password { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
