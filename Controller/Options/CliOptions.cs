namespace MppSignage.Controller.Options;

/// <summary>Section <c>Cli</c>: the credentials the <c>override</c> and <c>status</c> verbs connect with (also <c>MPP_Cli__Username</c>/<c>MPP_Cli__Password</c>).</summary>
public sealed class CliOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Cli";

    /// <summary>User name (a staff or admin user).</summary>
    public string? Username { get; set; }

    /// <summary>Password.</summary>
    public string? Password { get; set; }

    /// <summary>Seconds to wait for the broker and the command result.</summary>
    public double TimeoutSeconds { get; set; } = 10;
}
