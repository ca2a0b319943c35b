using Microsoft.AspNetCore.Builder;

namespace MppSignage.Panel.Security;

/// <summary>Security headers on every response: a strict CSP (own scripts and styles only), no framing, no sniffing.</summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy.</summary>
    public const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    /// <summary>Adds the headers.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = Csp;
        h.XFrameOptions = "DENY";
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h.CacheControl = "no-store";
        if (context.Request.IsHttps)
        {
            h.StrictTransportSecurity = "max-age=31536000";
        }

        await next();
    });
}
