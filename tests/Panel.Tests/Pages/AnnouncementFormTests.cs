using MppSignage.Panel.Tests.Support;
using MppSignage.Shared.Announcements;

namespace MppSignage.Panel.Tests.Pages;

/// <summary>
/// The announcement editor covers every field of the format: services entries, QR captions, English variants.
/// Published over HTTP against the real panel and controller; checked in the controller's retained list.
/// </summary>
[Collection("site")]
public sealed class AnnouncementFormTests(Site site)
{
    [Fact]
    public async Task Publish_ServicesWithEntries_InRetainedListWithEveryEntry()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=publish",
        [
            new("Form.Id", "http-layanan"), new("Form.Kind", "services"), new("Form.TitleId", "Daftar layanan"), new("Form.TitleEn", "Services"),
            new("Form.Services[0].Agency", "Dispendukcapil"), new("Form.Services[0].Counter", "Loket 1–3"),
            new("Form.Services[0].Services", "KTP-el\nKartu Keluarga"), new("Form.Services[0].Requirements", "Fotokopi KK\r\nSurat pengantar"),
            new("Form.Services[1].Agency", "Samsat"), new("Form.Services[1].Counter", ""), new("Form.Services[1].Services", "Pajak kendaraan"), new("Form.Services[1].Requirements", ""),
            new("Form.Services[2].Agency", ""), new("Form.Services[2].Services", ""), // an empty row is ignored
            new("Form.Priority", "normal"), new("Form.Seconds", "20"),
        ]);

        Assert.Contains("disimpan", page.Text("#result"), StringComparison.Ordinal);
        var item = Assert.Single(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-layanan");
        Assert.Equal(AnnouncementKind.Services, item.Kind);
        Assert.Equal(new LocalizedText("Daftar layanan", "Services"), item.Title);
        Assert.Equal(2, item.Services.Count);
        Assert.Equal("Dispendukcapil", item.Services[0].Agency);
        Assert.Equal("Loket 1–3", item.Services[0].Counter);
        Assert.Equal(["KTP-el", "Kartu Keluarga"], item.Services[0].Services);
        Assert.Equal(["Fotokopi KK", "Surat pengantar"], item.Services[0].Requirements);
        Assert.Equal("Samsat", item.Services[1].Agency);
        Assert.Null(item.Services[1].Counter);
        Assert.Equal(["Pajak kendaraan"], item.Services[1].Services);
        Assert.Empty(item.Services[1].Requirements);

        // Edit shows the entries again, one row each.
        var (_, edit) = await client.PageAsync("/announcements?edit=http-layanan");
        Assert.Equal("Dispendukcapil", edit.QuerySelector("#f-svc-0-agency")?.GetAttribute("value"));
        Assert.Equal("Loket 1–3", edit.QuerySelector("#f-svc-0-counter")?.GetAttribute("value"));
        Assert.Equal("KTP-el\nKartu Keluarga", edit.Text("#f-svc-0-services"));
        Assert.Equal("Fotokopi KK\nSurat pengantar", edit.Text("#f-svc-0-requirements"));
        Assert.Equal("Samsat", edit.QuerySelector("#f-svc-1-agency")?.GetAttribute("value"));
        Assert.Null(edit.QuerySelector("#f-svc-2-agency"));
        Assert.Equal("services", edit.QuerySelector("#f-kind option[selected]")?.GetAttribute("value"));

        await client.PostFormAsync("/announcements", "/announcements?handler=delete", [new("deleteId", "http-layanan")]);
    }

    [Fact]
    public async Task Publish_QrWithCaption_InRetainedListWithBothCaptions()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=publish",
        [
            new("Form.Id", "http-qr"), new("Form.Kind", "qr"), new("Form.TitleId", "Antrean daring"),
            new("Form.QrUrl", "https://antrean.example.go.id/"), new("Form.CaptionId", "Pindai untuk ambil nomor"), new("Form.CaptionEn", "Scan to take a number"),
            new("Form.Priority", "normal"), new("Form.Seconds", "10"),
        ]);

        Assert.Contains("disimpan", page.Text("#result"), StringComparison.Ordinal);
        var item = Assert.Single(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-qr");
        Assert.Equal(AnnouncementKind.Qr, item.Kind);
        Assert.Equal(new QrTarget("https://antrean.example.go.id/", new LocalizedText("Pindai untuk ambil nomor", "Scan to take a number")), item.Qr);

        var (_, edit) = await client.PageAsync("/announcements?edit=http-qr");
        Assert.Equal("Pindai untuk ambil nomor", edit.QuerySelector("#f-caption")?.GetAttribute("value"));
        Assert.Equal("Scan to take a number", edit.QuerySelector("#f-caption-en")?.GetAttribute("value"));

        await client.PostFormAsync("/announcements", "/announcements?handler=delete", [new("deleteId", "http-qr")]);
    }

    [Theory]
    [InlineData("services", "", "", "services")] // kind services with no entries
    [InlineData("services", "", "Loket 1", "svc-0")] // an entry without its agency: at its row
    [InlineData("services", "Samsat", "Loket 1\nLoket 2", "svc-0")] // a counter of two lines
    [InlineData("text", "Samsat", "", "services")] // entries on a kind that has none
    public async Task Publish_BadServices_MessageAtTheFieldAndNothingPublished(string kind, string agency, string counter, string errorAt)
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=publish",
            [new("Form.Id", "http-bad-services"), new("Form.Kind", kind), new("Form.TitleId", "Judul"), new("Form.Services[0].Agency", agency), new("Form.Services[0].Counter", counter), new("Form.Seconds", "10")]);

        Assert.NotEmpty(page.Text($"#err-{errorAt}"));
        Assert.Null(page.QuerySelector("#result"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-bad-services");
    }

    [Fact]
    public async Task Publish_CaptionTooLong_MessageAtTheCaptionAndNothingPublished()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=publish",
            [new("Form.Id", "http-bad-caption"), new("Form.Kind", "qr"), new("Form.TitleId", "Judul"), new("Form.QrUrl", "https://example.go.id/"), new("Form.CaptionId", new string('x', AnnouncementLimits.MaxCaptionLength + 1)), new("Form.Seconds", "10")]);

        Assert.Contains("qr.caption", page.Text("#err-caption"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#result"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-bad-caption");
    }
}
