using Microsoft.Playwright;
using MppSignage.Panel.Tests.Support;
using Xunit.Abstractions;

namespace MppSignage.Panel.Tests.Browser;

/// <summary>
/// The announcement editor in a real Chromium shows only the field groups of the chosen kind, without a script
/// (CSS <c>:has()</c> on the kind select): choosing image shows the poster file and hides the services rows, and the
/// page gets shorter. A field of another kind that was posted anyway still shows its message.
/// </summary>
[Collection("site")]
public sealed class AnnouncementKindGroupsBrowserTests(Site site, Chromium chromium, ITestOutputHelper output)
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Editor_ChoosingKind_ShowsOnlyThatKindsGroupsAndShrinksThePage(string size)
    {
        var page = await chromium.LoginAsync(size, site.Url, Site.AdminUser, Site.AdminPassword);
        await page.GotoAsync("/announcements");
        var kind = page.Locator("#f-kind");

        // text (the default): body and QR, no poster, no services rows.
        await Assertions.Expect(page.Locator("#f-body")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-qr")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-poster")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToBeHiddenAsync();
        await Chromium.ShotAsync(page, "announcement-form-text", size);

        await kind.SelectOptionAsync("services");
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#svc-add")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-body")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#f-qr")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#f-poster")).ToBeHiddenAsync();
        await Chromium.ShotAsync(page, "announcement-form-services", size);

        await kind.SelectOptionAsync("image");
        await Assertions.Expect(page.Locator("#f-poster")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-fit")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-background")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#svc-add")).ToBeHiddenAsync();
        // The caption band's title and body, and the optional QR, belong to a poster too.
        await Assertions.Expect(page.Locator("#f-title")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-body")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-qr")).ToBeVisibleAsync();
        var imageHeight = await HeightAsync(page);
        await Chromium.ShotAsync(page, "announcement-form-image", size);

        await kind.SelectOptionAsync("qr");
        await Assertions.Expect(page.Locator("#f-qr")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-caption")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-poster")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToBeHiddenAsync();

        // Every group shown at once (the form before grouping by kind) is taller than the image form.
        await kind.SelectOptionAsync("image");
        // (Through the CSSOM: the panel's CSP refuses an added style element.)
        await page.EvaluateAsync("() => document.querySelectorAll('#ann-form .kind-group').forEach(g => g.style.setProperty('display', 'block', 'important'))");
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToBeVisibleAsync();
        var allHeight = await HeightAsync(page);
        output.WriteLine($"{size}: image form {imageHeight} px, every group shown {allHeight} px");
        Assert.True(imageHeight < allHeight, $"image form {imageHeight} px, every field {allHeight} px");

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Editor_ServicesRowPostedWithKindText_RefusedWithTheMessageVisibleAtTheRows()
    {
        var page = await chromium.LoginAsync("phone", site.Url, Site.AdminUser, Site.AdminPassword);
        const string id = "kind-switch-phone";
        await page.GotoAsync("/announcements");
        await page.Locator("#f-id").FillAsync(id);
        await page.Locator("#f-kind").SelectOptionAsync("services");
        await page.Locator("#f-title").FillAsync("Layanan lantai 2");
        await page.Locator("#f-svc-0-agency").FillAsync("Kantor Pajak");
        await page.Locator("#f-svc-0-services").FillAsync("NPWP");
        // Switched to text: the row is hidden but still posted; the server refuses it and says so at the rows.
        await page.Locator("#f-kind").SelectOptionAsync("text");
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToBeHiddenAsync();
        await page.Locator("#publish").ClickAsync();

        await Assertions.Expect(page.Locator("#err-services")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-svc-0-agency")).ToHaveValueAsync("Kantor Pajak");
        await Assertions.Expect(page.Locator("#f-kind")).ToHaveValueAsync("text");
        await Chromium.ShotAsync(page, "announcement-form-other-kind-error", "phone");
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == id);
        await page.Context.CloseAsync();
    }

    private static Task<int> HeightAsync(IPage page) => page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
}
