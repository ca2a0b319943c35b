using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MppSignage.Panel.Text;

namespace MppSignage.Panel.Pages;

/// <summary>POST /lang: switches Indonesian ⇄ English (a cookie) and goes back.</summary>
public sealed class LangModel : PageModel
{
    /// <summary>Toggles the language.</summary>
    public IActionResult OnPost(string? returnUrl)
    {
        var english = Request.Cookies[UiText.Cookie] != "en";
        Response.Cookies.Append(UiText.Cookie, english ? "en" : "id", new CookieOptions { SameSite = SameSiteMode.Strict, HttpOnly = true, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365) });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
