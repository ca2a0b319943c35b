namespace MppSignage.Controller.Options;

/// <summary>Section <c>State</c>: where the override, the accepted schedule and the journal are kept.</summary>
public sealed class StateOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "State";

    /// <summary>Default state directory of an installed controller.</summary>
    public const string DefaultDirectory = "/var/lib/mpp-signage";

    /// <summary>The directory (created when missing).</summary>
    public string Directory { get; set; } = DefaultDirectory;
}
