using Microsoft.Playwright;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;

namespace MppSignage.Panel.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download: <c>ExecutablePath=/usr/bin/chromium</c>).
/// scripts/test.sh installs the <c>chromium</c> package when missing.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    /// <summary>Desktop and phone viewports.</summary>
    public static readonly IReadOnlyDictionary<string, ViewportSize> Sizes = new Dictionary<string, ViewportSize>
    {
        ["desktop"] = new() { Width = 1280, Height = 800 },
        ["phone"] = new() { Width = 390, Height = 844 },
    };

    private IPlaywright? _playwright;

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where page screenshots go (looked at by people, kept as test artifacts).</summary>
    public static string ScreenshotDirectory => Path.Combine(RepoPaths.Root, "artifacts", "panel-screenshots");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        const string executable = "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (scripts/test.sh does it).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (own cookies) at one of <see cref="Sizes"/>.</summary>
    public async Task<IPage> NewPageAsync(string size, string baseUrl)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = Sizes[size], BaseURL = baseUrl, Locale = "id-ID", IsMobile = size == "phone", HasTouch = size == "phone" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page at <paramref name="size"/>, logged in through the login form; returns on the status page.</summary>
    public async Task<IPage> LoginAsync(string size, string baseUrl, string user, string password)
    {
        var page = await NewPageAsync(size, baseUrl);
        await page.GotoAsync("/login");
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#login").ClickAsync();
        await Assertions.Expect(page.Locator("#sign")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Saves a full-page screenshot as <c>{name}-{size}.png</c>.</summary>
    public static Task ShotAsync(IPage page, string name, string size) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, $"{name}-{size}.png"), FullPage = true });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
