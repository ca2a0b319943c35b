using System.Net;
using MppSignage.Panel.Tests.Support;
using MppSignage.TestSupport;

namespace MppSignage.Panel.Tests.Pages;

/// <summary>
/// Every page for each role, over HTTP against the real panel, controller and screen processes; the HTML
/// is read with AngleSharp.
/// </summary>
[Collection("site")]
public sealed class PanelPagesTests(Site site)
{
    [Fact]
    public async Task Login_WrongPassword_RefusedWithMessageAndNoCookie()
    {
        using var client = site.Client();
        var (response, page) = await client.PostFormAsync("/login", "/login", [new("UserName", "staff"), new("Password", "not-the-password")]);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("salah", page.Text("#login-error"), StringComparison.Ordinal);
        var (status, _) = await client.PageAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
    }

    [Fact]
    public async Task Login_EmptyFields_MessageAtEachField()
    {
        using var client = site.Client();
        var (response, page) = await client.PostFormAsync("/login", "/login", [new("UserName", ""), new("Password", "")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("wajib diisi", page.Text("#user-error"), StringComparison.Ordinal);
        Assert.Contains("wajib diisi", page.Text("#password-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ScreenUser_RefusedAsNoPanelRole()
    {
        using var client = site.Client();
        var (response, page) = await client.PostFormAsync("/login", "/login", [new("UserName", "screen"), new("Password", "screen-dev")]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("staf dan admin", page.Text("#login-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Staff_ShowsRetainedStateAndStaffNavigationOnly()
    {
        using var client = site.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(Site.StaffUser, Site.StaffPassword)).StatusCode);

        var (response, page) = await client.PageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.Text("#sign"), new[] { "BUKA", "TUTUP" });
        Assert.Equal("daring", page.Text("#controller"));
        var links = page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/override", "/history"], links);
        Assert.Equal("/live/status", page.Body!.GetAttribute("data-live"));
    }

    [Fact]
    public async Task Status_Admin_ShowsEveryPage()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PageAsync("/");

        var links = page.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/override", "/announcements", "/schedule", "/screens", "/history"], links);
    }

    [Theory]
    [InlineData("/announcements")] // admin page
    [InlineData("/screens")] // admin page
    [InlineData("/schedule")] // admin page
    [InlineData("/images/shot-pintu-utama")] // admin-only image endpoint
    public async Task AdminPage_Staff_Refused403(string path)
    {
        using var client = site.Client();
        await client.LoginAsync(Site.StaffUser, Site.StaffPassword);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdminPost_Staff_Refused403AndNothingPublished()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.StaffUser, Site.StaffPassword);
        var (_, form) = await client.PageAsync("/override");

        var response = await client.PostAsync("/announcements?handler=publish", new FormUrlEncodedContent(
            [new("__af", PanelHttp.Token(form)), new("Form.Id", "staff-was-here"), new("Form.TitleId", "tidak boleh")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var admin = site.Client();
        await admin.LoginAsync(Site.AdminUser, Site.AdminPassword);
        var (_, list) = await admin.PageAsync("/announcements");
        Assert.Null(list.QuerySelector("#ann-staff-was-here"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_Refused400AndNothingSent()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.StaffUser, Site.StaffPassword);
        var journal = JournalLines();

        var response = await client.PostAsync("/override?handler=send", new FormUrlEncodedContent([new("State", "open"), new("Until", "30")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Task.Delay(300);
        Assert.Equal(journal, JournalLines());
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_Refused400()
    {
        using var client = site.Client();

        var response = await client.PostAsync("/login", new FormUrlEncodedContent([new("UserName", "staff"), new("Password", "staff-dev")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("time", "25:99", "#until-error")] // not a time
    [InlineData("time", "", "#until-error")] // time chosen but empty
    [InlineData("tomorrow", "", "#until-error")] // not one of the choices
    [InlineData("next", "", "#state-error")] // no state chosen (State omitted below)
    public async Task Override_BadInput_MessageAtFieldAndNothingSent(string until, string time, string errorAt)
    {
        using var client = site.Client();
        await client.LoginAsync(Site.StaffUser, Site.StaffPassword);
        var journal = JournalLines();
        var fields = new List<KeyValuePair<string, string>> { new("Until", until), new("Time", time) };
        if (errorAt != "#state-error")
        {
            fields.Add(new("State", "open"));
        }

        var (response, page) = await client.PostFormAsync("/override", "/override?handler=send", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(page.Text(errorAt));
        Assert.Null(page.QuerySelector("#result"));
        await Task.Delay(300);
        Assert.Equal(journal, JournalLines());
    }

    [Fact]
    public async Task Override_Review_ShowsConfirmationWithoutSending()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.StaffUser, Site.StaffPassword);
        var journal = JournalLines();

        var (_, page) = await client.PostFormAsync("/override", "/override?handler=review", [new("State", "closed"), new("Until", "60"), new("Reason", "rapat")]);

        Assert.StartsWith("TUTUP sampai", page.Text("#summary"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#confirm"));
        await Task.Delay(300);
        Assert.Equal(journal, JournalLines());
    }

    [Fact]
    public async Task History_Staff_ShowsTheControllersJournalIncludingOtherPaths()
    {
        // A refused command sent by another MQTT client (not the panel) must show up too.
        var before = JournalLines().Length;
        await using (var app = await MqttTestClient.ConnectAsync(site.MqttPort, Site.StaffUser, Site.StaffPassword))
        {
            Assert.True((await app.PublishAsync("mpp/probolinggo/override/set", """{"state":"ajar"}""")).IsSuccess);
        }

        await Eventually.TrueAsync(() => JournalLines().Length > before, "the refused command in the journal");
        using var client = site.Client();
        await client.LoginAsync(Site.StaffUser, Site.StaffPassword);

        var (response, page) = await client.PageAsync("/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("#history-error"));
        var rows = page.QuerySelectorAll("#history tbody tr");
        Assert.NotEmpty(rows);
        Assert.Contains("override/set", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("ditolak: ", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(Path.Combine(site.StateDirectory, "journal.jsonl")).Count(l => l.Length > 0).ToString(System.Globalization.CultureInfo.InvariantCulture) + " catatan di jurnal", page.Text("p.muted"));
    }

    [Fact]
    public async Task Screens_Admin_ListsTheOnlineScreenWithItsSize()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PageAsync("/screens");

        Assert.Contains("daring", page.Text($"#screen-{Site.ScreenId} h2"), StringComparison.Ordinal);
        Assert.Contains("1920×1080", page.Text($"#screen-{Site.ScreenId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Announcements_BadFields_MessagesAtFieldsAndNothingPublished()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PostFormAsync("/announcements", "/announcements?handler=publish",
            [new("Form.Id", "Bad Id!"), new("Form.TitleId", "Judul"), new("Form.Seconds", "1"), new("Form.When", "not hours")]);

        Assert.NotEmpty(page.Text("#err-id"));
        Assert.NotEmpty(page.Text("#err-seconds"));
        Assert.NotEmpty(page.Text("#err-when"));
        Assert.Null(page.QuerySelector("#result"));
    }

    [Fact]
    public async Task Announcements_PublishThenDelete_ListFollowsTheRetainedTopic()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (response, page) = await client.PostFormAsync("/announcements", "/announcements?handler=publish",
            [new("Form.Id", "http-test"), new("Form.Kind", "text"), new("Form.TitleId", "Judul uji"), new("Form.Priority", "normal"), new("Form.Seconds", "10")]);

        Assert.True(page.QuerySelector("#result") is not null, page.Body!.TextContent);
        Assert.Contains("disimpan", page.Text("#result"), StringComparison.Ordinal);
        Assert.Contains("Judul uji", page.Text("#ann-http-test"), StringComparison.Ordinal);
        var (_, deleted) = await client.PostFormAsync("/announcements", "/announcements?handler=delete", [new("deleteId", "http-test")]);
        Assert.Contains("dihapus", deleted.Text("#result"), StringComparison.Ordinal);
        Assert.Null(deleted.QuerySelector("#ann-http-test"));
    }

    [Fact]
    public async Task Schedule_Admin_ShowsTheDocumentInForceAndThisWeek()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);

        var (_, page) = await client.PageAsync("/schedule");

        Assert.Contains("\"timeZone\"", page.Text("#document"), StringComparison.Ordinal);
        Assert.Equal(7, page.QuerySelectorAll("#week dt").Length);
    }

    [Fact]
    public async Task Schedule_BrokenDraft_FullProblemListAndNothingSent()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);
        var (_, before) = await client.PageAsync("/schedule");
        var document = before.Text("#document").Replace("\"Asia/Jakarta\"", "\"Mars/Olympus\"", StringComparison.Ordinal);
        var journal = JournalLines();

        var (_, page) = await client.PostFormAsync("/schedule", "/schedule?handler=publish", [new("Document", document)]);

        Assert.NotEmpty(page.QuerySelectorAll("#problems li"));
        Assert.Contains("Mars/Olympus", page.Text("#problems"), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal(journal, JournalLines());
        var (_, after) = await client.PageAsync("/schedule");
        Assert.Contains("Asia/Jakarta", after.Text("#document"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_StateAt_AnsweredFromTheDraft()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.AdminUser, Site.AdminPassword);
        var (_, before) = await client.PageAsync("/schedule");

        // Friday 5 July 2024 10:30 WIB: open under the decree in force since 1 July 2024 (Fr 08:00-11:00).
        var (_, page) = await client.PostFormAsync("/schedule", "/schedule?handler=check", [new("Document", before.Text("#document")), new("At", "2024-07-05T10:30")]);

        Assert.Contains("BUKA", page.Text("#state-at"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#problems"));
    }

    [Fact]
    public async Task Language_Switch_ShowsEnglish()
    {
        using var client = site.Client();
        await client.LoginAsync(Site.StaffUser, Site.StaffPassword);
        var (_, before) = await client.PageAsync("/");
        await client.PostAsync("/lang", new FormUrlEncodedContent([new("__af", PanelHttp.Token(before)), new("returnUrl", "/")]));

        var (_, page) = await client.PageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Door status", page.Text("h1"));
        Assert.Contains(page.Text("#sign"), new[] { "OPEN", "CLOSED" });
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var client = site.Client();

        var response = await client.GetAsync("/login");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private string[] JournalLines()
    {
        var path = Path.Combine(site.StateDirectory, "journal.jsonl");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}
