using MppSignage.Panel.Tests.Support;

namespace MppSignage.Panel.Tests.Pages;

/// <summary>
/// The services entries are rows of real fields, added and removed by the server (no script) without publishing;
/// the preview names the screen that drew it and lets the admin choose one.
/// </summary>
[Collection("site")]
public sealed class AnnouncementRowsAndPreviewTests(Site site)
{
    private static KeyValuePair<string, string>[] Draft(string id) =>
    [
        new("Form.Id", id), new("Form.Kind", "services"), new("Form.TitleId", "Layanan"), new("Form.Seconds", "10"),
        new("Form.Services[0].Agency", "Dispendukcapil"), new("Form.Services[0].Services", "KTP-el"),
        new("Form.Services[1].Agency", "Samsat"), new("Form.Services[1].Services", "Pajak kendaraan"),
    ];

    [Fact]
    public async Task AddEntry_KeepsTypedRowsAddsAnEmptyOneAndPublishesNothing()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=addentry", Draft("rows-add"));

        Assert.Equal("Dispendukcapil", page.QuerySelector("#f-svc-0-agency")?.GetAttribute("value"));
        Assert.Equal("Samsat", page.QuerySelector("#f-svc-1-agency")?.GetAttribute("value"));
        var added = page.QuerySelector("#f-svc-2-agency");
        Assert.NotNull(added);
        Assert.True(string.IsNullOrEmpty(added.GetAttribute("value")));
        Assert.Null(page.QuerySelector("#f-svc-3-agency"));
        Assert.Equal("Layanan", page.QuerySelector("#f-title")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#result"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "rows-add");
    }

    [Fact]
    public async Task RemoveEntry_DropsThatRowOnlyAndPublishesNothing()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=removeentry&row=0", Draft("rows-remove"));

        Assert.Equal("Samsat", page.QuerySelector("#f-svc-0-agency")?.GetAttribute("value"));
        Assert.Equal("Pajak kendaraan", page.Text("#f-svc-0-services"));
        Assert.Null(page.QuerySelector("#f-svc-1-agency"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "rows-remove");
    }

    [Fact]
    public async Task AddEntry_AtTheFormatsLimit_NoAddButton()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);
        var full = Enumerable.Range(0, Shared.Announcements.AnnouncementLimits.MaxServiceEntries)
            .Select(i => new KeyValuePair<string, string>($"Form.Services[{i}].Agency", $"Instansi {i}"));

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=addentry", [new("Form.Id", "rows-full"), .. full]);

        Assert.NotNull(page.QuerySelector($"#f-svc-{Shared.Announcements.AnnouncementLimits.MaxServiceEntries - 1}-agency"));
        Assert.Null(page.QuerySelector($"#f-svc-{Shared.Announcements.AnnouncementLimits.MaxServiceEntries}-agency"));
        Assert.Null(page.QuerySelector("#svc-add"));
    }

    [Fact]
    public async Task Preview_ChosenScreen_DrawnByThatScreenAndSaysSo()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);
        var (_, form) = await client.PageAsync("/announcements");
        Assert.Contains(Site.ScreenId, form.QuerySelectorAll("#f-preview-screen option").Select(o => o.GetAttribute("value")));

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=preview", [.. Draft("preview-chosen"), new("Form.PreviewScreen", Site.ScreenId)]);

        Assert.Equal(Site.ScreenId, page.Text("#preview-screen"));
        Assert.Contains("dipilih oleh Anda", page.Text("#preview-caption"), StringComparison.Ordinal);
        Assert.Equal(Site.ScreenId, page.QuerySelector("#f-preview-screen option[selected]")?.GetAttribute("value"));
        var png = await client.GetByteArrayAsync(page.QuerySelector("#preview")!.GetAttribute("src"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task Preview_Automatic_NamesTheScreenAndHowItWasPicked()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=preview", [.. Draft("preview-auto"), new("Form.Screens", "layar-lain")]);

        Assert.Equal(Site.ScreenId, page.Text("#preview-screen"));
        Assert.Contains("tidak ada layar pengumuman ini yang daring", page.Text("#preview-caption"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ChosenScreenOffline_MessageAtTheFieldAndNoPreview()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=preview", [.. Draft("preview-offline"), new("Form.PreviewScreen", "layar-mati")]);

        Assert.Contains("layar-mati tidak daring", page.Text("#err-preview-screen"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#preview"));
    }
}
