using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MppSignage.Panel.Tests.Support;

namespace MppSignage.Panel.Tests.Browser;

/// <summary>
/// The panel in a real Chromium, against the real controller and screen processes and the embedded
/// broker, at desktop and phone sizes: what a person sees and what the controller did.
/// </summary>
[Collection("site")]
public sealed class PanelBrowserTests(Site site, Chromium chromium)
{
    private static readonly Regex RelayOn = new("relay ON", RegexOptions.Compiled);

    public static TheoryData<string> Sizes => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Staff_OverrideUntilATime_OpenStatusPageUpdatesWithinOneSecondAndRelayFollows(string size)
    {
        var status = await LoginAsync(size, Site.StaffUser, Site.StaffPassword);
        var before = (await status.Locator("#sign").InnerTextAsync()).Trim();
        var target = before == "TUTUP" ? "open" : "closed";
        var expected = target == "open" ? "BUKA" : "TUTUP";
        var relayLines = site.Controller.Lines.Count(l => l.Contains("relay ", StringComparison.Ordinal));

        // A second tab of the same session sends the command; the first stays on the status page.
        var desk = await status.Context.NewPageAsync();
        await desk.GotoAsync("/override");
        await desk.Locator($"#state-{target}").CheckAsync();
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var until = now.AddMinutes(5);
        if (until.Date == now.Date)
        {
            await desk.Locator("#until-time").CheckAsync();
            await desk.Locator("#time").FillAsync(until.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            // Just before midnight (Jakarta) "a time today" cannot lie ahead.
            await desk.Locator("#until-30").CheckAsync();
        }

        await desk.Locator("#reason").FillAsync("uji panel");
        await desk.Locator("#review").ClickAsync();
        await Assertions.Expect(desk.Locator("#summary")).ToContainTextAsync(expected);
        await Chromium.ShotAsync(desk, "override-confirm", size);
        await desk.Locator("#confirm").ClickAsync();
        await Assertions.Expect(desk.Locator("#result")).ToContainTextAsync("Diterima");
        var accepted = Stopwatch.StartNew();
        await Chromium.ShotAsync(desk, "override-result", size);

        await Assertions.Expect(status.Locator("#sign")).ToHaveTextAsync(expected, new() { Timeout = 1000 });
        Assert.True(accepted.ElapsedMilliseconds <= 1000, $"status page updated after {accepted.ElapsedMilliseconds} ms");
        await Assertions.Expect(status.Locator("#why")).ToContainTextAsync("staff");
        await Chromium.ShotAsync(status, "status-override", size);
        var relay = await WaitForAsync(() => site.Controller.Lines.Where(l => l.Contains("relay ", StringComparison.Ordinal)).Skip(relayLines).FirstOrDefault());
        Assert.Equal(target == "open", RelayOn.IsMatch(relay));

        // Back to automatic.
        await desk.GotoAsync("/override");
        await desk.Locator("#state-auto").CheckAsync();
        await desk.Locator("#review").ClickAsync();
        await desk.Locator("#confirm").ClickAsync();
        await Assertions.Expect(desk.Locator("#result")).ToContainTextAsync("Diterima");
        await Assertions.Expect(status.Locator("#sign")).ToHaveTextAsync(before, new() { Timeout = 1000 });
        await Assertions.Expect(status.Locator("#why")).Not.ToContainTextAsync("staff");
        await status.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Admin_PublishesAnnouncement_InRetainedListAndInTheScreensNextScreenshot(string size)
    {
        var page = await LoginAsync(size, Site.AdminUser, Site.AdminPassword);
        var id = $"uji-{size}";
        await page.GotoAsync("/announcements");
        await page.Locator("#f-id").FillAsync(id);
        await page.Locator("#f-title").FillAsync("Uji pengumuman");
        await page.Locator("#f-title-en").FillAsync("Test announcement");
        await page.Locator("#f-body").FillAsync("Loket 5 buka sampai sore.");
        await page.Locator("#f-priority").SelectOptionAsync("emergency");
        await page.Locator("#f-seconds").FillAsync("15");

        // The preview: the real frame drawn by the live screen, nothing published yet.
        await page.Locator("#preview-button").ClickAsync();
        await Assertions.Expect(page.Locator("#preview")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#preview-caption")).ToContainTextAsync(Site.ScreenId);
        var preview = await (await page.APIRequest.GetAsync((await page.Locator("#preview").GetAttributeAsync("src"))!)).BodyAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], preview[..4]);
        Assert.Equal(0, await page.Locator($"#ann-{id}").CountAsync());
        Assert.DoesNotContain(site.Screen.Lines, l => l.Contains($"Slide announcement:{id}", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#f-title")).ToHaveValueAsync("Uji pengumuman");
        await Chromium.ShotAsync(page, "announcement-preview", size);

        await page.Locator("#publish").ClickAsync();

        await Assertions.Expect(page.Locator("#result")).ToBeVisibleAsync();
        Assert.Contains("disimpan", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator($"#ann-{id}")).ToContainTextAsync("Uji pengumuman");
        await Chromium.ShotAsync(page, "announcement-published", size);
        await site.Screen.WaitForLineAsync(l => l.Contains($"Slide announcement:{id}", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the announcement on screen");

        await page.GotoAsync("/screens");
        await page.Locator($"#shot-{Site.ScreenId}").ClickAsync();
        var shot = page.Locator("#shot");
        await Assertions.Expect(shot).ToBeVisibleAsync();
        var png = await (await page.APIRequest.GetAsync((await shot.GetAttributeAsync("src"))!)).BodyAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        await Chromium.ShotAsync(page, "screens-screenshot", size);

        // Clean up: delete it again, from the list.
        await page.GotoAsync("/announcements");
        await page.Locator($"#delete-{id}").ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("dihapus");
        await Assertions.Expect(page.Locator($"#ann-{id}")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Staff_TypingAnAdminUrl_Gets403(string size)
    {
        var page = await LoginAsync(size, Site.StaffUser, Site.StaffPassword);

        var response = await page.GotoAsync("/announcements");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("#problem")).ToHaveTextAsync("Akses ditolak");
        await Assertions.Expect(page.Locator("nav a[href='/announcements']")).ToHaveCountAsync(0);
        await Chromium.ShotAsync(page, "forbidden", size);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Admin_RefusedSchedule_ShowsItsProblemsAndNothingChanges(string size)
    {
        var page = await LoginAsync(size, Site.AdminUser, Site.AdminPassword);
        await page.GotoAsync("/schedule");
        var inForce = await page.Locator("#document").InputValueAsync();
        var journal = site.Controller.Lines.Count;

        await page.Locator("#document").FillAsync(inForce.Replace("\"Asia/Jakarta\"", "\"Mars/Olympus\"", StringComparison.Ordinal));
        await page.Locator("#publish-schedule").ClickAsync();

        await Assertions.Expect(page.Locator("#problems")).ToContainTextAsync("Mars/Olympus");
        await Chromium.ShotAsync(page, "schedule-refused", size);
        Assert.DoesNotContain(site.Controller.Lines.Skip(journal), l => l.Contains("schedule", StringComparison.OrdinalIgnoreCase));
        await page.GotoAsync("/schedule");
        Assert.Equal(inForce, await page.Locator("#document").InputValueAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_Refused()
    {
        var page = await LoginAsync("desktop", Site.StaffUser, Site.StaffPassword);
        await page.GotoAsync("/override");
        await page.Locator("#state-open").CheckAsync();
        await page.EvaluateAsync("() => document.querySelectorAll('input[name=__af]').forEach(e => e.remove())");
        var journal = site.Controller.Lines.Count;

        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("#review").ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Assertions.Expect(page.Locator("#problem")).ToHaveTextAsync("400");
        Assert.DoesNotContain(site.Controller.Lines.Skip(journal), l => l.Contains("accepted", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPassword_RefusedThenRateLimitedEvenWithTheRightOne()
    {
        // Its own panel: the backoff is per address, and every test comes from 127.0.0.1.
        var (_, url) = await site.StartPanelAsync();
        var page = await chromium.NewPageAsync("phone", url);
        await page.GotoAsync("/login");
        for (var i = 0; i < 4; i++)
        {
            await page.Locator("#user").FillAsync(Site.StaffUser);
            await page.Locator("#password").FillAsync("salah-" + i);
            await page.Locator("#login").ClickAsync();
            await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("Nama pengguna atau kata sandi salah.");
        }

        await page.Locator("#user").FillAsync(Site.StaffUser);
        await page.Locator("#password").FillAsync(Site.StaffPassword);
        await page.Locator("#login").ClickAsync();

        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("Terlalu banyak percobaan");
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Chromium.ShotAsync(page, "login-throttled", "phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SessionExpiry_OpenStatusPageReturnsToLoginByItself()
    {
        // 0.05 min = 3 s idle timeout.
        var (_, url) = await site.StartPanelAsync("--Panel:SessionIdleMinutes=0.05");
        var page = await chromium.NewPageAsync("phone", url);
        await page.GotoAsync("/login");
        await page.Locator("#user").FillAsync(Site.StaffUser);
        await page.Locator("#password").FillAsync(Site.StaffPassword);
        await page.Locator("#login").ClickAsync();
        await Assertions.Expect(page.Locator("#sign")).ToBeVisibleAsync();

        await page.WaitForURLAsync(new Regex("/login\\?expired=true"), new() { Timeout = 10_000 });

        await Assertions.Expect(page.Locator("#expired")).ToContainTextAsync("Sesi berakhir");
        await page.GotoAsync("/override");
        Assert.EndsWith("/login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task EveryPage_BothRoles_ScreenshotsAndManyNavigationsInOneTab(string size)
    {
        var login = await chromium.NewPageAsync(size, site.Url);
        await login.GotoAsync("/login");
        await Chromium.ShotAsync(login, "login", size);
        await login.Context.CloseAsync();

        var page = await LoginAsync(size, Site.AdminUser, Site.AdminPassword);
        string[] pages = ["/", "/override", "/announcements", "/schedule", "/screens", "/history"];
        // Twice round every page in one tab: the live stream must not hold connections of pages left behind.
        for (var round = 0; round < 2; round++)
        {
            foreach (var path in pages)
            {
                var response = await page.GotoAsync(path, new() { Timeout = 5000 });
                Assert.Equal(200, response!.Status);
                await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
                if (round == 0)
                {
                    await Chromium.ShotAsync(page, path == "/" ? "status" : path.Trim('/'), size);
                }
            }
        }

        await page.GoBackAsync();
        await page.GoBackAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#sign")).Not.ToBeEmptyAsync();
        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Door status");
        await Chromium.ShotAsync(page, "status-english", size);
        await page.Locator("#lang").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Status pintu");
        await page.Context.CloseAsync();
    }

    private Task<IPage> LoginAsync(string size, string user, string password) => chromium.LoginAsync(size, site.Url, user, password);

    private async Task<string> WaitForAsync(Func<string?> probe)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the controller printed no relay line:\n" + site.Controller.Tail(20));
    }
}
