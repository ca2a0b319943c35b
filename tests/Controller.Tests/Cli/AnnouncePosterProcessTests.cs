using Microsoft.Extensions.DependencyInjection;
using MppSignage.Controller.Announcements;
using MppSignage.Shared.Announcements;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Cli;

/// <summary><c>mpp-controller announce add --image</c> as a real process against a running controller.</summary>
public sealed class AnnouncePosterProcessTests
{
    private static async Task<ProcessOutput> RunAsync(ControllerTestHost host, string image, params string[] more) =>
        await ProcessRun.DotnetAsync("mpp-controller",
            ["announce", "add", "--image", image, .. more, "-u", "admin", "-P", TestUsers.Password("admin"), "--port", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    private static string Write(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task AddImage_RealJpeg_IsUploadedThenAnnouncedAsAPoster()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        var dir = TempDir.Create("cli-poster");
        var jpeg = Write(dir, "poster.jpg", TestImages.Jpeg(2480, 3508));

        var run = await RunAsync(host, jpeg, "--fit", "cover", "--title", "Layanan Paspor");

        Assert.True(run.Code == 0, run.Stderr);
        var sha = Assert.Single(host.Assets.Items).Sha256;
        Assert.Contains($"ok: poster {sha} kept (1357×1920", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"ok: announcement 'poster-{sha[..12]}' set", run.Stdout, StringComparison.Ordinal);
        var item = Assert.Single(host.Host.Services.GetRequiredService<AnnouncementHub>().Items);
        Assert.Equal(AnnouncementKind.Image, item.Kind);
        Assert.Equal(new PosterImage(sha, PosterFit.Cover, "auto"), item.Image);
        Assert.Equal("Layanan Paspor", item.Title!.Id);
    }

    [Fact]
    public async Task AddImage_TruncatedJpeg_IsRefusedByTheControllerWithItsReason_Exit1()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        var dir = TempDir.Create("cli-poster-bad");
        var truncated = Write(dir, "cut.jpg", TestImages.Truncated(TestImages.Jpeg(1600, 1200), 0.4));

        var run = await RunAsync(host, truncated, "--id", "rusak");

        Assert.Equal(1, run.Code);
        Assert.Contains($"refused: --image {truncated}: image.data: the JPEG data ends early (truncated file)", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(host.Assets.Items);
        Assert.Empty(host.Host.Services.GetRequiredService<AnnouncementHub>().Items);
    }

    [Fact]
    public async Task AddImage_Bomb_IsRefusedBeforeUpload_Exit1()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        var bomb = Write(TempDir.Create("cli-poster-bomb"), "bomb.png", TestImages.PngBomb());

        var run = await RunAsync(host, bomb);

        Assert.Equal(1, run.Code);
        Assert.Contains("image.pixels: the image declares 30000×30000 = 900 MP", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(host.Assets.Items);
    }

    [Fact]
    public async Task AddImage_BadFit_Exit2WithoutUploading()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        var jpeg = Write(TempDir.Create("cli-poster-fit"), "poster.jpg", TestImages.Jpeg(800, 600));

        var run = await RunAsync(host, jpeg, "--fit", "stretch");

        Assert.Equal(2, run.Code);
        Assert.Contains("--fit: unknown value 'stretch'; expected one of contain, cover", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(host.Assets.Items);
    }
}
