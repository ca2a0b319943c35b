using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using MppSignage.Panel.Sessions;

namespace MppSignage.Panel.Pages;

/// <summary>POST /logout: ends the session, closes the user's broker connection, forgets the password.</summary>
public sealed class LogoutModel(SessionStore sessions) : PanelPageModel
{
    /// <summary>Logs out.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndAsync(Session.Id, "logout");
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/login");
    }
}
