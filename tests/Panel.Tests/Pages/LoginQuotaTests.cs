using System.Diagnostics;
using System.Net;
using MppSignage.Panel.Tests.Support;

namespace MppSignage.Panel.Tests.Pages;

/// <summary>
/// Each panel session holds one broker connection of its user, counted against the controller's
/// <c>Mqtt:MaxConnectionsPerUser</c>: a login beyond it is refused, and the refusal says why.
/// </summary>
[Collection("one-connection")]
public sealed class LoginQuotaTests(OneConnectionSite site)
{
    [Fact]
    public async Task Login_UserAtConnectionLimit_RefusalNamesTheSessionConnectionAndTheLimit()
    {
        using var first = site.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await first.LoginAsync(Site.StaffUser, Site.StaffPassword)).StatusCode);
        var (status, _) = await first.PageAsync("/");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        using var second = site.Client();
        var (response, page) = await second.PostFormAsync("/login", "/login", [new("UserName", Site.StaffUser), new("Password", Site.StaffPassword)]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = page.Text("#login-error");
        Assert.Contains("setiap sesi panel memakai satu sambungan", text, StringComparison.Ordinal);
        Assert.Contains("Mqtt:MaxConnectionsPerUser", text, StringComparison.Ordinal);
        Assert.Contains("the limit is 1", text, StringComparison.Ordinal); // the broker's own sentence
        var (again, _) = await second.PageAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // Logging out the first session frees its connection: the second login then succeeds.
        var (_, home) = await first.PageAsync("/");
        await first.PostAsync("/logout", new FormUrlEncodedContent([new("__af", PanelHttp.Token(home))]));
        var waited = Stopwatch.StartNew();
        var code = (await second.LoginAsync(Site.StaffUser, Site.StaffPassword)).StatusCode;
        while (code != HttpStatusCode.Redirect && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(200); // the broker releases the connection when it sees the disconnect
            code = (await second.LoginAsync(Site.StaffUser, Site.StaffPassword)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Redirect, code);
    }
}
