using Microsoft.AspNetCore.Mvc.RazorPages;
using MppSignage.Panel.Sessions;

namespace MppSignage.Panel.Pages;

/// <summary>Base of the logged-in pages: the session that the cookie named (set by the cookie validation).</summary>
public abstract class PanelPageModel : PageModel
{
    /// <summary>The <see cref="Microsoft.AspNetCore.Http.HttpContext.Items"/> key of the session.</summary>
    public const string SessionKey = "mpp-session";

    /// <summary>The caller's session (the authorization policy guarantees one).</summary>
    public PanelSession Session => (PanelSession)HttpContext.Items[SessionKey]!;
}
