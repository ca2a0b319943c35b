using System.Net;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Live;
using MppSignage.Panel.Options;
using MppSignage.Panel.Pages;
using MppSignage.Panel.Security;
using MppSignage.Panel.Sessions;
using MppSignage.Panel.Text;

// The slim builder: no MVC, no static web assets, no IIS; HTTPS from our own certificate (below).
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseKestrelHttpsConfiguration();
builder.Configuration.AddEnvironmentVariables("MPP_");
builder.Host.UseSystemd();

var panel = builder.Configuration.GetSection(PanelOptions.Section).Get<PanelOptions>() ?? new PanelOptions();
var check = new PanelOptionsValidator().Validate(null, panel);
if (check.Failed)
{
    foreach (var problem in check.Failures)
    {
        Console.Error.WriteLine($"mpp-panel: {problem}");
    }

    return 1;
}

builder.Services.AddOptions<PanelOptions>().Bind(builder.Configuration.GetSection(PanelOptions.Section)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<PanelOptions>, PanelOptionsValidator>();
builder.Services.AddSingleton(TimeProvider.System);
// Keys live in memory only: cookies and antiforgery tokens die with the process, like the sessions they name.
builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
builder.Services.AddSingleton<SessionStore>();
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddHostedService<SessionSweeper>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<UiText>();
builder.Services.Configure<FormOptions>(o =>
{
    // Bounded before buffering: the largest form is a schedule document (64 KiB like every command).
    o.ValueLengthLimit = 96 * 1024;
    o.MultipartBodyLengthLimit = 128 * 1024;
    o.ValueCountLimit = 200;
});

builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Limits.MaxRequestBodySize = 128 * 1024;
    var uri = new Uri(panel.Listen);
    void Configure(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions lo)
    {
        if (uri.Scheme == "https")
        {
            lo.UseHttps(X509Certificate2.CreateFromPemFile(panel.CertificateFile!, panel.CertificateKeyFile));
        }
    }

    if (uri.Host == "localhost")
    {
        k.ListenLocalhost(uri.Port, Configure);
    }
    else
    {
        k.Listen(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port, Configure);
    }
});

var idle = TimeSpan.FromMinutes(panel.SessionIdleMinutes);
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
{
    o.Cookie.Name = "mpp-panel";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.ExpireTimeSpan = idle;
    o.SlidingExpiration = true;
    o.LoginPath = "/login";
    o.Events.OnValidatePrincipal = async ctx =>
    {
        var store = ctx.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        var live = ctx.HttpContext.Request.Path.StartsWithSegments("/live");
        var session = store.Get(ctx.Principal?.FindFirst(PanelClaims.Session)?.Value, touch: !live);
        if (session is null)
        {
            ctx.RejectPrincipal();
            ctx.HttpContext.Items["mpp-expired"] = true;
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        ctx.HttpContext.Items[PanelPageModel.SessionKey] = session;
    };
    o.Events.OnRedirectToLogin = ctx =>
    {
        if (ctx.Request.Path.StartsWithSegments("/live") || ctx.Request.Method != HttpMethods.Get)
        {
            ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        var expired = ctx.HttpContext.Items.ContainsKey("mpp-expired") ? "&expired=true" : "";
        ctx.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(ctx.Request.Path + ctx.Request.QueryString) + expired);
        return Task.CompletedTask;
    };
    o.Events.OnRedirectToAccessDenied = ctx =>
    {
        // Refused, not redirected: the status-code page re-executes /problem with the 403 kept.
        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };
});
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(PanelPolicies.Staff, p => p.RequireClaim(ClaimTypes.Role, "staff", "admin"))
    .AddPolicy(PanelPolicies.Admin, p => p.RequireClaim(ClaimTypes.Role, "admin"));
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "mpp-af";
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.FormFieldName = "__af";
});
builder.Services.AddPages();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/problem", "?code={0}");
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapPages();
app.MapLive();
app.MapAssets();
app.MapImages();
app.Lifetime.ApplicationStarted.Register(() => Log.Listening(app.Logger, panel.Listen));
await app.RunAsync();
return 0;

/// <summary>For WebApplicationFactory-style tests and the benchmark.</summary>
public partial class Program;
