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

    /// <summary>
    /// Size of <c>journal.jsonl</c> at which it is rotated (renamed <c>journal.1.jsonl</c>, the older ones
    /// shifted up, the oldest deleted). 4 MiB holds some 15,000 command results.
    /// </summary>
    public long JournalMaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Journal files kept, the current one included: the journal never takes more than this × <see cref="JournalMaxBytes"/>.</summary>
    public int JournalFiles { get; set; } = 4;
}
