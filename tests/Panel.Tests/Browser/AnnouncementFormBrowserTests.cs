using Microsoft.Playwright;
using MppSignage.Panel.Tests.Support;
using MppSignage.Shared.Announcements;

namespace MppSignage.Panel.Tests.Browser;

/// <summary>
/// The announcement editor in a real Chromium at desktop and phone sizes: a services page with its entries and
/// a QR announcement with its caption, published and then found in the controller's retained list.
/// </summary>
[Collection("site")]
public sealed class AnnouncementFormBrowserTests(Site site, Chromium chromium)
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Admin_PublishesServicesAndQrWithCaption_InRetainedListWithThoseFields(string size)
    {
        var page = await chromium.LoginAsync(size, site.Url, Site.AdminUser, Site.AdminPassword);
        var services = $"layanan-{size}";
        var qr = $"qr-{size}";

        await page.GotoAsync("/announcements");
        await page.Locator("#f-id").FillAsync(services);
        await page.Locator("#f-kind").SelectOptionAsync("services");
        await page.Locator("#f-title").FillAsync("Layanan lantai 1");
        await page.Locator("#f-svc-0-agency").FillAsync("Dispendukcapil");
        await page.Locator("#f-svc-0-counter").FillAsync("Loket 1–3");
        await page.Locator("#f-svc-0-services").FillAsync("KTP-el\nAkta kelahiran");
        await page.Locator("#f-svc-0-requirements").FillAsync("KK asli");
        // A second agency: the row comes from the server (no script), with what was typed kept.
        await page.Locator("#svc-add").ClickAsync();
        await Assertions.Expect(page.Locator("#f-svc-1-agency")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToHaveValueAsync("Dispendukcapil");
        await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync("Layanan lantai 1");
        await page.Locator("#f-svc-1-agency").FillAsync("BPJS Kesehatan");
        await page.Locator("#f-svc-1-counter").FillAsync("Loket 4");
        await page.Locator("#f-svc-1-services").FillAsync("Pendaftaran");
        await page.Locator("#f-svc-1-requirements").FillAsync("KTP-el");
        await Chromium.ShotAsync(page, "announcement-services-form", size);
        await page.Locator("#publish").ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("disimpan");
        await Assertions.Expect(page.Locator($"#ann-{services}")).ToContainTextAsync("Layanan lantai 1");

        await page.Locator("#f-id").FillAsync(qr);
        await page.Locator("#f-kind").SelectOptionAsync("qr");
        await page.Locator("#f-title").FillAsync("Antrean daring");
        await page.Locator("#f-qr").FillAsync("https://antrean.example.go.id/");
        await page.Locator("#f-caption").FillAsync("Pindai untuk ambil nomor");
        await page.Locator("#f-caption-en").FillAsync("Scan to take a number");
        await page.Locator("#publish").ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("disimpan");
        await Assertions.Expect(page.Locator($"#ann-{qr}")).ToContainTextAsync("Antrean daring");
        await Chromium.ShotAsync(page, "announcement-services-qr-published", size);

        var retained = await site.RetainedAnnouncementsAsync();
        var s = Assert.Single(retained, a => a.Id == services);
        Assert.Equal(AnnouncementKind.Services, s.Kind);
        Assert.Equal(["Dispendukcapil", "BPJS Kesehatan"], s.Services.Select(e => e.Agency));
        Assert.Equal(["Loket 1–3", "Loket 4"], s.Services.Select(e => e.Counter));
        Assert.Equal(["KTP-el", "Akta kelahiran"], s.Services[0].Services);
        Assert.Equal(["KK asli"], s.Services[0].Requirements);
        var q = Assert.Single(retained, a => a.Id == qr);
        Assert.Equal(AnnouncementKind.Qr, q.Kind);
        Assert.Equal(new QrTarget("https://antrean.example.go.id/", new LocalizedText("Pindai untuk ambil nomor", "Scan to take a number")), q.Qr);

        // Clean up from the list.
        foreach (var id in new[] { services, qr })
        {
            await page.Locator($"#delete-{id}").ClickAsync();
            await Assertions.Expect(page.Locator($"#ann-{id}")).ToHaveCountAsync(0);
        }

        await page.Context.CloseAsync();
    }
}
