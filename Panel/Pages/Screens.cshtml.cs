using MppSignage.Panel.Live;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Mqtt;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;

namespace MppSignage.Panel.Pages;

/// <summary>Screens (admin): every screen's own retained availability (Last Will), its size, a screenshot on request.</summary>
public sealed class ScreensModel(IOptions<PanelOptions> options, TimeProvider time, UiText t) : PanelPageModel(t)
{
    /// <inheritdoc />
    public override string Title => T["scr.title"];

    /// <summary>The screens.</summary>
    public IReadOnlyList<ScreenInfo> Screens { get; private set; } = [];

    /// <summary>The screen whose screenshot is shown.</summary>
    public string? Shown { get; private set; }

    /// <summary>Cache-buster for the image.</summary>
    public long Stamp { get; private set; }

    /// <summary>Why the screenshot failed.</summary>
    public string? Problem { get; private set; }

    /// <summary>An ISO instant in site-local words.</summary>
    public string Local(string? iso) => StatusView.Local(iso, NodaTime.DateTimeZoneProviders.Tzdb[options.Value.TimeZone], NodaTime.Instant.FromDateTimeOffset(time.GetUtcNow())) ?? "";

    /// <summary>The list.</summary>
    public void OnGet() => Screens = Session.Connection.Screens.ToList();

    /// <summary>Asks one screen for its current frame.</summary>
    public async Task OnPostShotAsync()
    {
        var id = Field("id");
        OnGet();
        var screen = Screens.FirstOrDefault(s => s.Id == id);
        if (screen is null)
        {
            Problem = T.English ? "unknown screen" : "layar tidak dikenal";
            return;
        }

        var c = Session.Connection;
        var (answer, problem) = await c.RequestAsync(c.Topics.ScreenshotGet(screen.Id), [], TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted, alsoOn: c.Topics.Screenshot(screen.Id));
        if (answer is null)
        {
            Problem = T["ovr." + problem];
            return;
        }

        Session.Images["shot-" + screen.Id] = answer;
        Shown = screen.Id;
        Stamp = time.GetTimestamp();
    }
}
