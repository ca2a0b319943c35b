using MppSignage.Panel.Pages;
using MppSignage.Panel.Security;
using MppSignage.Panel.Sessions;

namespace MppSignage.Panel.Hosting;

/// <summary><c>GET /images/{key}</c>: a screenshot or preview that this session asked a screen for.</summary>
public static class ImageEndpoints
{
    /// <summary>Maps the endpoint (admin only: only admins may ask screens for frames).</summary>
    public static void MapImages(this WebApplication app) =>
        app.MapGet("/images/{key}", (string key, HttpContext http) =>
            http.Items[PanelPageModel.SessionKey] is PanelSession session && session.Images.TryGetValue(key, out var png)
                ? Results.Bytes(png, "image/png")
                : Results.NotFound()).RequireAuthorization(PanelPolicies.Admin);
}
