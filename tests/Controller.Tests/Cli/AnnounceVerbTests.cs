using MppSignage.Controller.Cli;
using MppSignage.TestSupport;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.Cli;

/// <summary><c>announce add|remove|list</c> against a running controller.</summary>
public sealed class AnnounceVerbTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await AnnounceVerb.Create(output, error).Parse(args).InvokeAsync();
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task AddListRemove_RoundTrip()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        var port = host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] admin = ["-u", "admin", "-P", "admin-pw", "--port", port];

        var add = await RunAsync(["add", "--id", "ktp-el", "--title", "Perekaman KTP-el", "--title-en", "e-ID recording", "--priority", "high", "--until", "2024-07-31T14:00:00+07:00", "--screen", "pintu-utama", .. admin]);
        Assert.True(add.Code == 0, add.Err);
        Assert.Contains("ok: announcement 'ktp-el' set", add.Out);

        var list = await RunAsync(["list", .. admin]);
        Assert.Equal(0, list.Code);
        Assert.Contains("ktp-el\ttext\thigh\t… – 2024-07-31 14:00\tpintu-utama\tPerekaman KTP-el", list.Out);

        var remove = await RunAsync(["remove", "ktp-el", .. admin]);
        Assert.Equal(0, remove.Code);
        Assert.Contains("no announcements", (await RunAsync(["list", .. admin])).Out);
    }

    [Fact]
    public async Task Add_BadOption_Exit2NamingIt_WithoutConnecting()
    {
        var (code, _, err) = await RunAsync("add", "--id", "x", "--title", "Judul", "--priority", "urgent", "-u", "admin", "-P", "x", "--port", "1");

        Assert.Equal(2, code);
        Assert.Contains("--priority: unknown value 'urgent'", err);
    }

    [Fact]
    public async Task Add_RefusedByController_Exit1WithReason()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));
        // Valid locally, but already expired at the controller's clock.
        var (code, _, err) = await RunAsync("add", "--id", "lama", "--title", "Lama", "--until", "2024-07-01T09:00:00+07:00",
            "-u", "admin", "-P", "admin-pw", "--port", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, code);
        Assert.Contains("refused: until:", err);
    }

    [Fact]
    public async Task Add_ByStaff_RefusedByBroker()
    {
        await using var host = await ControllerTestHost.StartAsync(J(2024, 7, 1, 10, 0));

        var (code, _, err) = await RunAsync("add", "--id", "x", "--title", "x", "-u", "staff", "-P", "staff-pw", "--port", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, code);
        Assert.Contains("NotAuthorized", err);
    }
}
