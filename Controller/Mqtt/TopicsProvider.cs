using Microsoft.Extensions.Options;
using MppSignage.Controller.Options;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Mqtt;

/// <summary>The topic set of the configured site.</summary>
public sealed class TopicsProvider(IOptions<SiteOptions> site)
{
    /// <summary>The site's topics.</summary>
    public Topics Topics { get; } = new(site.Value.Id);
}
