namespace MppSignage.Controller.Options;

/// <summary>Section <c>Site</c>: which hall this controller drives.</summary>
public sealed class SiteOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Site";

    /// <summary>Default site id.</summary>
    public const string DefaultId = "probolinggo";

    /// <summary>The site id, the second level of every topic (<c>mpp/{site}/…</c>).</summary>
    public string Id { get; set; } = DefaultId;

    /// <summary>Time zone used for status times while no schedule is loaded (the schedule's own zone wins).</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";
}
