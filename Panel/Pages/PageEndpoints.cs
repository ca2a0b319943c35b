using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Security;
using MppSignage.Panel.Sessions;
using MppSignage.Panel.Text;
using RazorSlices;

namespace MppSignage.Panel.Pages;

/// <summary>
/// The pages: which role may open each (the real check, on the server: a page the role may not use answers
/// 403), which handler a POST runs (<c>?handler=name</c>), and the one antiforgery check of every POST.
/// A page is a model (its handlers) rendered by its slice (<c>Pages/*.cshtml</c>, RazorSlices).
/// </summary>
public static class PageEndpoints
{
    // HEAD answers like GET without the body (Kestrel drops it), as the Razor Pages panel did.
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>Registers the page models (one per request).</summary>
    public static IServiceCollection AddPages(this IServiceCollection services) => services
        .AddTransient<LoginModel>().AddTransient<ProblemModel>().AddTransient<IndexModel>().AddTransient<OverrideModel>()
        .AddTransient<HistoryModel>().AddTransient<AnnouncementsModel>().AddTransient<ScheduleModel>().AddTransient<ScreensModel>();

    /// <summary>Maps every page.</summary>
    public static void MapPages(this WebApplication app)
    {
        var anyone = app.MapGroup("").AllowAnonymous();
        var staff = app.MapGroup("").RequireAuthorization(PanelPolicies.Staff);
        var admin = app.MapGroup("").RequireAuthorization(PanelPolicies.Admin);

        // The status-code page re-executes refused requests here with their method: no token is checked.
        Page<ProblemModel>(anyone, "/problem", Problem.Create, m => Done(m.OnGet), (m, _) => Done(m.OnGet), checkToken: false);
        Page<LoginModel>(anyone, "/login", Login.Create, m => Done(m.OnGet), (m, _) => m.OnPostAsync());
        Form(anyone, "/lang", http =>
        {
            var english = http.Request.Cookies[UiText.Cookie] != "en";
            http.Response.Cookies.Append(UiText.Cookie, english ? "en" : "id", new CookieOptions { SameSite = SameSiteMode.Strict, HttpOnly = true, Secure = http.Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
            return Task.FromResult(Results.LocalRedirect(LocalUrl.OrRoot(http.Request.Form["returnUrl"]))); // the form was read by the token check
        });
        Form(staff, "/logout", async http =>
        {
            // Ends the session, closes the user's broker connection, forgets the password.
            var session = (PanelSession)http.Items[PanelPageModel.SessionKey]!;
            await http.RequestServices.GetRequiredService<SessionStore>().EndAsync(session.Id, "logout");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });

        Page<IndexModel>(staff, "/", Index.Create, m => Done(m.OnGet));
        Page<OverrideModel>(staff, "/override", Override.Create, m => Done(m.OnGet), (m, handler) => handler switch
        {
            "review" => Done(m.OnPostReview),
            "send" => Done(m.OnPostSendAsync),
            _ => null,
        });
        Page<HistoryModel>(staff, "/history", History.Create, m => Done(m.OnGetAsync));

        // The announcement editor takes a poster file (multipart): its requests get the upload bound.
        Page<AnnouncementsModel>(admin, "/announcements", Announcements.Create, m => Done(m.OnGet), upload: true, post: (m, handler) => handler switch
        {
            "publish" => Done(m.OnPostPublishAsync),
            "preview" => Done(m.OnPostPreviewAsync),
            "delete" => Done(m.OnPostDeleteAsync),
            "addentry" => Done(m.OnPostAddEntry),
            "removeentry" => Done(m.OnPostRemoveEntry),
            _ => null,
        });
        Page<ScheduleModel>(admin, "/schedule", Schedule.Create, m => Done(m.OnGet), (m, handler) => handler switch
        {
            "check" => Done(m.OnPostCheck),
            "publish" => Done(m.OnPostPublishAsync),
            _ => null,
        });
        Page<ScreensModel>(admin, "/screens", Screens.Create, m => Done(m.OnGet), (m, handler) => handler == "shot" ? Done(m.OnPostShotAsync) : null);
    }

    /// <summary>
    /// GET runs <paramref name="get"/>, POST the handler <paramref name="post"/> picks (null: no such handler, 400);
    /// a handler returns a result (a redirect) or null to render the page.
    /// </summary>
    private static void Page<TModel>(RouteGroupBuilder group, string path, Func<TModel, RazorSlice> slice, Func<TModel, Task<IResult?>> get,
        Func<TModel, string?, Task<IResult?>?>? post = null, bool checkToken = true, bool upload = false)
        where TModel : PanelPageModel
    {
        group.MapMethods(path, GetOrHead, http => RunAsync(http, slice, get));
        if (post is not null)
        {
            group.MapPost(path, http => PostAsync(http, slice, post, checkToken, upload));
        }
    }

    /// <summary>A POST-only action without a page of its own (language switch, logout).</summary>
    private static void Form(RouteGroupBuilder group, string path, Func<HttpContext, Task<IResult>> action) =>
        group.MapPost(path, async http =>
        {
            if (await TokenValidAsync(http))
            {
                await (await action(http)).ExecuteAsync(http);
            }
        });

    private static async Task PostAsync<TModel>(HttpContext http, Func<TModel, RazorSlice> slice, Func<TModel, string?, Task<IResult?>?> post, bool checkToken, bool upload)
        where TModel : PanelPageModel
    {
        if (upload && !AllowUpload(http))
        {
            return;
        }

        if (!checkToken || await TokenValidAsync(http))
        {
            string? handler = http.Request.Query["handler"];
            await RunAsync(http, slice, m => post(m, handler) ?? Task.FromResult<IResult?>(Results.BadRequest()));
        }
    }

    /// <summary>
    /// A multipart POST may carry a poster: its body is bounded to <see cref="PanelOptions.MaxUploadBytes"/> plus the
    /// form's overhead before anything is read (Kestrel's own limit is 128 KiB); a request declaring more is refused
    /// with 413 unread. Other requests keep the 128 KiB bound.
    /// </summary>
    private static bool AllowUpload(HttpContext http)
    {
        if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return true;
        }

        var limit = (long)http.RequestServices.GetRequiredService<IOptions<PanelOptions>>().Value.MaxUploadBytes + PanelOptions.UploadFormOverheadBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return false;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var form = http.RequestServices.GetRequiredService<IOptions<FormOptions>>().Value;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
        {
            MultipartBodyLengthLimit = limit,
            ValueLengthLimit = form.ValueLengthLimit,
            ValueCountLimit = form.ValueCountLimit,
        }));
        return true;
    }

    private static async Task RunAsync<TModel>(HttpContext http, Func<TModel, RazorSlice> slice, Func<TModel, Task<IResult?>> handler)
        where TModel : PanelPageModel
    {
        var model = http.RequestServices.GetRequiredService<TModel>();
        model.Bind(http);
        var result = await handler(model) ?? Results.RazorSlice(slice(model), model.StatusCode);
        await result.ExecuteAsync(http);
    }

    /// <summary>
    /// The antiforgery check of every POST: a request without the page's token (or with another user's) gets 400
    /// and runs nothing (the status-code page then shows why).
    /// </summary>
    private static async Task<bool> TokenValidAsync(HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return true;
        }

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return false;
    }

    private static Task<IResult?> Done(Action handler)
    {
        handler();
        return Task.FromResult<IResult?>(null);
    }

    private static async Task<IResult?> Done(Func<Task> handler)
    {
        await handler();
        return null;
    }
}
