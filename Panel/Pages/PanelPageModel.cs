using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using MppSignage.Panel.Sessions;
using MppSignage.Panel.Text;

namespace MppSignage.Panel.Pages;

/// <summary>
/// Base of every page model: the request (its session, form and query, its antiforgery token), the words
/// in the request's language, and what the layout shows. A page endpoint binds it (<see cref="Bind"/>),
/// runs one handler, then renders the page's slice with it.
/// </summary>
public abstract class PanelPageModel(UiText t)
{
    /// <summary>The <see cref="HttpContext.Items"/> key of the session (set by the cookie validation).</summary>
    public const string SessionKey = "mpp-session";

    /// <summary>The words, in the request's language.</summary>
    public UiText T { get; } = t;

    /// <summary>The request.</summary>
    public HttpContext HttpContext { get; private set; } = null!;

    /// <summary>The caller's session (the authorization policy guarantees one on logged-in pages).</summary>
    public PanelSession Session => (PanelSession)HttpContext.Items[SessionKey]!;

    /// <summary>The session when there is one (the layout of the login and problem pages).</summary>
    public PanelSession? SessionOrNone => HttpContext.Items[SessionKey] as PanelSession;

    /// <summary>The page title (before the app name in the window title).</summary>
    public abstract string Title { get; }

    /// <summary>The Server-Sent Events stream that keeps the page live (null: none).</summary>
    public virtual string? Live => null;

    /// <summary>The status code of the rendered page.</summary>
    public int StatusCode { get; protected set; } = StatusCodes.Status200OK;

    /// <summary>The antiforgery request token that every form of the page carries as <c>__af</c>.</summary>
    public string AntiforgeryToken { get; private set; } = "";

    /// <summary>The path and query of the request (the language switch comes back to it).</summary>
    public string PathAndQuery => (HttpContext.Request.Path.Value ?? "/") + HttpContext.Request.QueryString;

    /// <summary>The posted form (bounded by <c>FormOptions</c> and Kestrel's body limit before buffering); empty on GET.</summary>
    protected IFormCollection Form { get; private set; } = FormCollection.Empty;

    /// <summary>
    /// Binds the request: the form of a POST as the antiforgery check read it (a re-executed refusal, which has no
    /// check, never reads its body) and a token for the page's forms.
    /// </summary>
    internal void Bind(HttpContext http)
    {
        HttpContext = http;
        Form = http.Features.Get<IFormFeature>()?.Form ?? FormCollection.Empty;
        AntiforgeryToken = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken ?? "";
    }

    /// <summary>A posted field (null when absent or empty, as model binding had it).</summary>
    protected string? Field(string name) => Form.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

    /// <summary>A query parameter (null when absent).</summary>
    protected string? Query(string name) => HttpContext.Request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
}
