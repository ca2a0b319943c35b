using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Hosting;
using MppSignage.Panel.Mqtt;
using MppSignage.Panel.Options;
using MppSignage.Panel.Security;
using MppSignage.Panel.Sessions;
using MppSignage.Panel.Text;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Panel.Pages;

/// <summary>
/// The login: the panel has no rights of its own, so a login is a broker connection as that user — the
/// CONNACK is the password check. Failures are throttled per user name and per address.
/// </summary>
public sealed class LoginModel(SessionStore sessions, LoginThrottle throttle, IOptions<PanelOptions> options, TimeProvider time, UiText t, ILoggerFactory loggers, ILogger<LoginModel> logger) : PageModel
{
    /// <summary>Longest user name.</summary>
    public const int MaxUserName = 64;

    /// <summary>Longest password.</summary>
    public const int MaxPassword = 256;

    /// <summary>The user name typed.</summary>
    [BindProperty] public string? UserName { get; set; }

    /// <summary>The password typed (never shown, logged or stored beyond the session's memory).</summary>
    [BindProperty] public string? Password { get; set; }

    /// <summary>Where to go after the login.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Problem with the user name field.</summary>
    public string? UserError { get; private set; }

    /// <summary>Problem with the password field.</summary>
    public string? PasswordError { get; private set; }

    /// <summary>Why the login failed.</summary>
    public string? FormError { get; private set; }

    /// <summary>Shown after an idle timeout.</summary>
    public bool Expired { get; private set; }

    /// <summary>The form.</summary>
    public void OnGet(bool expired) => Expired = expired;

    /// <summary>Checks the password at the broker and opens the session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserName?.Trim() ?? "";
        var password = Password ?? "";
        Password = null;
        UserError = user.Length == 0 ? t["login.required"] : user.Length > MaxUserName ? t.Format("login.toolong", MaxUserName) : null;
        PasswordError = password.Length == 0 ? t["login.required"] : password.Length > MaxPassword ? t.Format("login.toolong", MaxPassword) : null;
        if (UserError is not null || PasswordError is not null)
        {
            UserName = user.Length > MaxUserName ? user[..MaxUserName] : user;
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var wait = throttle.WaitFor(user, address);
        if (wait > TimeSpan.Zero)
        {
            Log.LoginRefused(logger, user, address, "throttled");
            FormError = t.Format("login.wait", (int)Math.Ceiling(wait.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var (connection, attempt) = await PanelMqttConnection.LoginAsync(user, password, options.Value, time, loggers, HttpContext.RequestAborted);
        if (connection is null)
        {
            // Refused for the credentials (wrong name or password), for a quota (too many connections of this
            // user), or not reached at all. MqttConnector names the CONNACK code in its sentence.
            var problem = attempt.Problem ?? "";
            var wrong = attempt.Refused && (problem.Contains(nameof(MQTTnet.MqttClientConnectResultCode.BadUserNameOrPassword), StringComparison.Ordinal)
                || problem.Contains(nameof(MQTTnet.MqttClientConnectResultCode.NotAuthorized), StringComparison.Ordinal));
            if (wrong)
            {
                throttle.Failed(user, address);
            }

            Log.LoginRefused(logger, user, address, problem);
            FormError = wrong ? t["login.wrong"] : attempt.Refused ? t["login.quota"] : t["login.broker"];
            UserName = user;
            Response.StatusCode = wrong ? StatusCodes.Status401Unauthorized : StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        throttle.Succeeded(user, address);
        var role = options.Value.RoleOf(user);
        if (role is null)
        {
            await connection.DisposeAsync();
            Log.LoginRefused(logger, user, address, "no panel role");
            FormError = t["login.norole"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        var session = sessions.Add(user, role.Value, connection);
        if (session is null)
        {
            await connection.DisposeAsync();
            FormError = t["login.full"];
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        await connection.WaitReadyAsync(TimeSpan.FromSeconds(2), HttpContext.RequestAborted);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user),
                new Claim(ClaimTypes.Role, RoleTopicRules.Name(role.Value)),
                new Claim(PanelClaims.Session, session.Id),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        Log.LoggedIn(logger, user, RoleTopicRules.Name(role.Value), address);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
