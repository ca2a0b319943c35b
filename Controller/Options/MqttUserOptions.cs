namespace MppSignage.Controller.Options;

/// <summary>One user of the embedded broker.</summary>
public sealed class MqttUserOptions
{
    /// <summary>The user name.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>controller</c>, <c>staff</c>, <c>admin</c> or <c>screen</c>.</summary>
    public string Role { get; set; } = "";

    /// <summary>Mosquitto-compatible PBKDF2 hash (<c>$7$iterations$salt$hash</c>), never the password itself.</summary>
    public string PasswordHash { get; set; } = "";
}
