using Microsoft.Extensions.Options;
using MppSignage.Panel.Live;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;
using NodaTime;

namespace MppSignage.Panel.Pages;

/// <summary>The status page (staff, admin); kept live by <c>/live/status</c>.</summary>
public sealed class IndexModel(IOptions<PanelOptions> options, TimeProvider time, UiText t) : PanelPageModel(t)
{
    /// <inheritdoc />
    public override string Title => T["status.title"];

    /// <inheritdoc />
    public override string? Live => "/live/status";

    /// <summary>What is shown.</summary>
    public StatusView View { get; private set; } = null!;

    /// <summary>Renders the current status.</summary>
    public void OnGet()
    {
        var c = Session.Connection;
        View = StatusView.From(c.Status, c.ControllerOnline, DateTimeZoneProviders.Tzdb[options.Value.TimeZone], Instant.FromDateTimeOffset(time.GetUtcNow()), T);
    }
}
