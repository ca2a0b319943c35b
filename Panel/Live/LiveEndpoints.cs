using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Options;
using MppSignage.Panel.Security;
using MppSignage.Panel.Sessions;
using MppSignage.Panel.Text;
using NodaTime;

namespace MppSignage.Panel.Live;

/// <summary>
/// <c>GET /live/status</c>: Server-Sent Events with the status view at once and after every change;
/// an <c>expired</c> event when the session has ended (the page then goes to the login). The stream does
/// not count as activity, so an open status page still times out.
/// </summary>
public static class LiveEndpoints
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Maps the endpoint.</summary>
    public static void MapLive(this WebApplication app)
    {
        app.MapGet("/live/status", StreamAsync).RequireAuthorization(PanelPolicies.Staff);
    }

    private static async Task StreamAsync(HttpContext http, SessionStore sessions, IOptions<PanelOptions> options, TimeProvider time)
    {
        var session = sessions.Get(http.User.FindFirst(PanelClaims.Session)?.Value, touch: false);
        if (session is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var zone = DateTimeZoneProviders.Tzdb[options.Value.TimeZone];
        var t = new UiText(http.Request.Cookies[UiText.Cookie] == "en");
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var ct = http.RequestAborted;
        var connection = session.Connection;
        long version = -1;
        var quiet = TimeSpan.Zero;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (sessions.Get(session.Id, touch: false) is null)
                {
                    await http.Response.WriteAsync("event: expired\ndata: {}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    return;
                }

                if (connection.Version != version)
                {
                    version = connection.Version;
                    var view = StatusView.From(connection.Status, connection.ControllerOnline, zone, Instant.FromDateTimeOffset(time.GetUtcNow()), t);
                    await http.Response.WriteAsync("event: status\ndata: " + JsonSerializer.Serialize(view, PanelJsonContext.Default.StatusView) + "\n\n", ct);
                }
                else if ((quiet += TimeSpan.FromSeconds(1)) >= Heartbeat)
                {
                    quiet = TimeSpan.Zero;
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                }

                await http.Response.Body.FlushAsync(ct);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                // Wake for a change, or every second to notice the session's end (and a heartbeat now and then).
                wait.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    await connection.WaitForChangeAsync(version, wait.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // No change within the tick.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The browser went away (pagehide closes the stream).
        }
    }
}
