using System.Security.Cryptography;
using Microsoft.Playwright;
using MppSignage.Panel.Tests.Support;
using MppSignage.Shared.Announcements;
using MppSignage.TestSupport;

namespace MppSignage.Panel.Tests.Browser;

/// <summary>
/// An admin in a real Chromium, at desktop and phone sizes, publishes a poster: a JPEG made by the test is chosen in
/// the file field, uploaded by the panel over the admin's own broker connection, and the announcement of kind image
/// that names the controller's asset is in the retained list, with the processed asset retained beside it.
/// </summary>
[Collection("site")]
public sealed class PosterUploadBrowserTests(Site site, Chromium chromium)
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Admin_UploadsJpegPoster_PublishedAsKindImageWithTheControllersAsset(string size)
    {
        var page = await chromium.LoginAsync(size, site.Url, Site.AdminUser, Site.AdminPassword);
        var id = $"poster-{size}";

        await page.GotoAsync("/announcements");
        await page.Locator("#f-id").FillAsync(id);
        await page.Locator("#f-kind").SelectOptionAsync("image");
        await page.Locator("#f-title").FillAsync("Pelayanan Sabtu");
        await page.Locator("#f-poster").SetInputFilesAsync(new FilePayload { Name = "poster.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1200, 800) });
        await page.Locator("#f-fit").SelectOptionAsync("contain");
        await page.Locator("#publish").ClickAsync();

        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("disimpan");
        await Assertions.Expect(page.Locator("#upload-note")).ToContainTextAsync("1200×800");
        await Assertions.Expect(page.Locator($"#ann-{id}")).ToContainTextAsync("image");
        await Chromium.ShotAsync(page, "announcement-poster-published", size);

        var item = Assert.Single(await site.RetainedAnnouncementsAsync(), a => a.Id == id);
        Assert.Equal(AnnouncementKind.Image, item.Kind);
        Assert.Equal("Pelayanan Sabtu", item.Title?.Id);
        Assert.NotNull(item.Image);
        Assert.Equal(PosterFit.Contain, item.Image.Fit);
        var asset = await site.RetainedAssetAsync(item.Image.Sha256);
        Assert.Equal(item.Image.Sha256, Convert.ToHexStringLower(SHA256.HashData(asset)));

        // Editing it keeps the uploaded poster (a file field comes back empty): publish again without a file.
        await page.GotoAsync($"/announcements?edit={id}");
        await Assertions.Expect(page.Locator("#poster-kept")).ToContainTextAsync(item.Image.Sha256[..12]);
        await page.Locator("#f-title").FillAsync("Pelayanan Sabtu pagi");
        await page.Locator("#publish").ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("disimpan");
        var edited = Assert.Single(await site.RetainedAnnouncementsAsync(), a => a.Id == id);
        Assert.Equal(item.Image.Sha256, edited.Image?.Sha256);
        Assert.Equal("Pelayanan Sabtu pagi", edited.Title?.Id);

        await page.Locator($"#delete-{id}").ClickAsync();
        await Assertions.Expect(page.Locator($"#ann-{id}")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
