using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Cli;
using MppSignage.TestSupport;
using SkiaSharp;

namespace MppSignage.SignageRenderer.Tests.Cli;

/// <summary>The <c>render</c> preview verb: real files in, a PNG out, bad arguments named with exit code 2.</summary>
public sealed class RenderVerbTests : IDisposable
{
    private readonly string _dir = TempDir.Create("signage");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "out", "slide.png");

    private (int Code, string Stdout, string Stderr) Run(RenderVerb.Request request)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = RenderVerb.Execute(request, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string AnnouncementsFile()
    {
        var path = Path.Combine(_dir, "announcements.json");
        File.WriteAllText(path, """
            [{"id":"ktp","kind":"text","title":"Perekaman KTP-el","body":"Loket 3, Senin sampai Kamis."},
             {"id":"direktori","kind":"services","title":"Direktori Layanan","services":[{"agency":"Dispendukcapil","counter":"Loket 1–3","services":["KTP-el"]}]}]
            """);
        return path;
    }

    [Theory]
    [InlineData("status", "1920x1080")]
    [InlineData("hours", "1080x1920")]
    [InlineData("announcement:ktp", "1920x1080")]
    [InlineData("services", "1080x1920")]
    public void Render_WritesPngOfTheRequestedSize(string slide, string size)
    {
        var (code, stdout, stderr) = Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, AnnouncementsFile(), null, "2024-07-01T13:35:00+07:00", slide, size, Out));

        Assert.True(code == 0, stderr);
        Assert.Contains(Out, stdout);
        using var png = SKBitmap.Decode(Out);
        Assert.Equal(size, $"{png.Width}x{png.Height}");
    }

    [Fact]
    public void Render_StatusFromSchedule_IsOpenColourAtMidday_ClosedAtNight()
    {
        Assert.Equal(0, Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, null, null, "2024-07-01T10:00:00+07:00", "status", "1920x1080", Out)).Code);
        using (var open = SKBitmap.Decode(Out))
        {
            Assert.Equal(MppSignage.SignageRenderer.Layout.Theme.Open, open.GetPixel(20, 500));
        }

        Assert.Equal(0, Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, null, null, "2024-07-01T22:00", "status", "1920x1080", Out)).Code);
        using var closed = SKBitmap.Decode(Out);
        Assert.Equal(MppSignage.SignageRenderer.Layout.Theme.Closed, closed.GetPixel(20, 500));
    }

    [Fact]
    public void Render_WithStatusFile_UsesItInsteadOfTheSchedule()
    {
        var status = Path.Combine(_dir, "status.json");
        File.WriteAllText(status, """{"state":"closed","phase":"closed","mode":"override","reason":"override","relay":"off","clockSynced":true,"updatedAt":"2024-07-01T10:00:00+07:00","override":{"state":"closed","reason":"Pemadaman listrik"}}""");

        Assert.Equal(0, Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, null, status, "2024-07-01T10:00:00+07:00", "status", "1920x1080", Out)).Code);

        using var png = SKBitmap.Decode(Out);
        Assert.Equal(MppSignage.SignageRenderer.Layout.Theme.Closed, png.GetPixel(20, 500));
    }

    [Theory]
    // schedule file missing
    [InlineData("missing.json", null, null, "2024-07-01T10:00:00+07:00", "status", "1920x1080", "--schedule")]
    // instant not ISO 8601
    [InlineData(null, null, null, "1 Juli 2024", "status", "1920x1080", "--at")]
    // size malformed
    [InlineData(null, null, null, "2024-07-01T10:00:00+07:00", "status", "big", "--size")]
    // slide unknown
    [InlineData(null, null, null, "2024-07-01T10:00:00+07:00", "weather", "1920x1080", "--slide")]
    // announcement slide without a file
    [InlineData(null, null, null, "2024-07-01T10:00:00+07:00", "announcement:ktp", "1920x1080", "--slide")]
    // announcement id not in the file
    [InlineData(null, "announcements", null, "2024-07-01T10:00:00+07:00", "announcement:nope", "1920x1080", "--slide")]
    // status file not a status
    [InlineData(null, null, "bad-status", "2024-07-01T10:00:00+07:00", "status", "1920x1080", "--status")]
    public void Render_BadArguments_Exit2NamingTheOption(string? schedule, string? announcements, string? status, string at, string slide, string size, string option)
    {
        var badStatus = Path.Combine(_dir, "bad-status.json");
        File.WriteAllText(badStatus, "[1,2,3]");
        var request = new RenderVerb.Request(
            schedule is null ? RepoPaths.DefaultSchedule : Path.Combine(_dir, schedule),
            announcements is null ? null : AnnouncementsFile(),
            status is null ? null : badStatus,
            at, slide, size, Out);

        var (code, _, stderr) = Run(request);

        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public void Render_BadAnnouncementFile_NamesTheItemField()
    {
        var path = Path.Combine(_dir, "bad.json");
        File.WriteAllText(path, """{"items":[{"id":"a","kind":"text","title":"ok"},{"id":"b","kind":"text","title":"x","seconds":0}]}""");

        var (code, _, stderr) = Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, path, null, "2024-07-01T10:00:00+07:00", "status", "1920x1080", Out));

        Assert.Equal(2, code);
        Assert.Contains("--announcements", stderr);
        Assert.Contains("items[1].seconds", stderr);
    }

    [Fact]
    public void Render_MissingFont_ClearError()
    {
        var (code, _, stderr) = Run(new RenderVerb.Request(RepoPaths.DefaultSchedule, null, null, "2024-07-01T10:00:00+07:00", "status", "1920x1080", Out, Font: "No Such Font Sans"));

        Assert.Equal(2, code);
        Assert.Contains("--font", stderr);
        Assert.Contains("not installed", stderr);
    }

    [Fact]
    public void Main_MissingRequiredOption_Exit2()
    {
        var stderr = new StringWriter();
        var previous = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.Equal(2, Program.Main(["render", "--at", "2024-07-01T10:00:00+07:00", "--out", Out]));
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("--schedule", stderr.ToString());
    }
}
