using System.Net;
using System.Security.Cryptography;
using MppSignage.Panel.Tests.Support;
using MppSignage.Shared.Announcements;
using MppSignage.TestSupport;

namespace MppSignage.Panel.Tests.Pages;

/// <summary>
/// The poster upload of the announcement editor over HTTP (multipart, as a browser sends it), against the real
/// panel and controller: the file goes over the admin's own connection to <c>uploads/put</c>, the announcement of
/// kind image names the controller's asset; refusals land at the file field and nothing is published.
/// </summary>
[Collection("site")]
public sealed class PosterUploadTests(Site site)
{
    private static KeyValuePair<string, string>[] Fields(string id) =>
        [new("Form.Id", id), new("Form.Kind", "image"), new("Form.Fit", "cover"), new("Form.Background", "#112233"), new("Form.Seconds", "10")];

    [Fact]
    public async Task Publish_JpegPoster_AssetRetainedAndAnnouncementNamesIt()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (response, page) = await client.PostMultipartAsync("/announcements", "/announcements?handler=publish", Fields("http-poster"),
            "Form.Poster", "poster.jpg", "image/jpeg", TestImages.Jpeg(1600, 900));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("disimpan", page.Text("#result"), StringComparison.Ordinal);
        Assert.Contains("1600×900", page.Text("#upload-note"), StringComparison.Ordinal);
        var item = Assert.Single(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-poster");
        Assert.Equal(AnnouncementKind.Image, item.Kind);
        Assert.NotNull(item.Image);
        Assert.Equal(PosterFit.Cover, item.Image.Fit);
        Assert.Equal("#112233", item.Image.Background);
        Assert.Null(item.Title); // optional for a poster
        var asset = await site.RetainedAssetAsync(item.Image.Sha256);
        Assert.Equal(item.Image.Sha256, Convert.ToHexStringLower(SHA256.HashData(asset)));

        await client.PostFormAsync("/announcements", "/announcements?handler=delete", [new("deleteId", "http-poster")]);
    }

    [Fact]
    public async Task Publish_KindImageWithoutFile_MessageAtTheFileFieldAndNothingPublished()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=publish", Fields("http-poster-none"));

        Assert.Contains("pilih berkas gambar", page.Text("#err-image"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#result"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-poster-none");
    }

    [Fact]
    public async Task Publish_NotAnImage_ControllersRefusalAtTheFileFieldAndNothingPublished()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostMultipartAsync("/announcements", "/announcements?handler=publish", Fields("http-poster-junk"),
            "Form.Poster", "poster.jpg", "image/jpeg", TestImages.RandomBytes(4096));

        Assert.StartsWith("image", page.Text("#err-image"), StringComparison.Ordinal); // the controller's field, e.g. image.format
        Assert.Null(page.QuerySelector("#result"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-poster-junk");
    }

    [Fact]
    public async Task Publish_FileOverThePanelsLimit_MessageAtTheFieldNothingUploadedOrPublished()
    {
        var (_, url) = await site.StartPanelAsync("--Panel:MaxUploadBytes=20000");
        using var client = site.Client(url);
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);
        var big = TestImages.NoisePng(200, 200);
        Assert.True(big.Length > 20000, $"the test image is {big.Length} bytes");

        var (response, page) = await client.PostMultipartAsync("/announcements", "/announcements?handler=publish", Fields("http-poster-big"),
            "Form.Poster", "poster.png", "image/png", big);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("terlalu besar", page.Text("#err-image"), StringComparison.Ordinal);
        Assert.Contains("0.02 MB", page.Text("#err-image"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#upload-note"));
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-poster-big");
    }

    [Fact]
    public async Task Publish_RequestOverTheBound_Refused413BeforeReading()
    {
        var (_, url) = await site.StartPanelAsync("--Panel:MaxUploadBytes=20000");
        using var client = site.Client(url);
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        // 20000 bytes + 256 KiB of form overhead is the bound: a 1 MiB file is refused from its Content-Length.
        var (response, page) = await client.PostMultipartAsync("/announcements", "/announcements?handler=publish", Fields("http-poster-huge"),
            "Form.Poster", "poster.png", "image/png", new byte[1024 * 1024]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("terlalu besar", page.Text("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(await site.RetainedAnnouncementsAsync(), a => a.Id == "http-poster-huge");
    }
}
