using MppSignage.Panel.Tests.Support;

namespace MppSignage.Panel.Tests.Pages;

/// <summary>The preview on a site where no screen process runs: the page says so and nothing is published.</summary>
[Collection("screenless")]
public sealed class PreviewWithoutScreenTests(ScreenlessSite site)
{
    [Fact]
    public async Task Preview_NoScreenOnline_SaysSoAndPublishesNothing()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=preview",
            [new("Form.Id", "tanpa-layar"), new("Form.Kind", "text"), new("Form.TitleId", "Judul uji"), new("Form.Seconds", "10")]);

        Assert.Equal("Tidak ada layar yang daring: pratinjau tidak tersedia.", page.Text("#result"));
        Assert.Equal("alert", page.QuerySelector("#result")?.GetAttribute("role"));
        Assert.Null(page.QuerySelector("#preview"));
        Assert.Equal("Judul uji", page.QuerySelector("#f-title")?.GetAttribute("value"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "tanpa-layar");
    }
}
