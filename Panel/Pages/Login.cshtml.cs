using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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
public sealed class LoginModel(SessionStore sessions, LoginThrottle throttle, IOptions<PanelOptions> options, TimeProvider time, UiText t, ILoggerFactory loggers, ILogger<LoginModel> logger) : PanelPageModel(t)
{
    /// <summary>Longest user name.</summary>
    public const int MaxUserName = 64;

    /// <summary>Longest password.</summary>
    public const int MaxPassword = 256;

    /// <summary>The user name typed.</summary>
    public string? UserName { get; private set; }

    /// <summary>The password typed (never shown, logged or stored beyond the session's memory).</summary>
    public string? Password { get; private set; }

    /// <summary>Where to go after the login.</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>Problem with the user name field.</summary>
    public string? UserError { get; private set; }

    /// <summary>Problem with the password field.</summary>
    public string? PasswordError { get; private set; }

    /// <summary>Why the login failed.</summary>
    public string? FormError { get; private set; }

    /// <summary>Shown after an idle timeout.</summary>
    public bool Expired { get; private set; }

    /// <inheritdoc />
    public override string Title => T["login.title"];

    /// <summary>The form (<c>?expired=true</c> after an idle timeout).</summary>
    public void OnGet()
    {
        Expired = Query("expired") == "true";
        ReturnUrl = Query("returnUrl");
    }

    /// <summary>Checks the password at the broker and opens the session; null: show the page again.</summary>
    public async Task<IResult?> OnPostAsync()
    {
        UserName = Field("UserName");
        Password = Field("Password");
        ReturnUrl = Field("returnUrl") ?? Query("returnUrl");
        var user = UserName?.Trim() ?? "";
        var password = Password ?? "";
        Password = null;
        UserError = user.Length == 0 ? T["login.required"] : user.Length > MaxUserName ? T.Format("login.toolong", MaxUserName) : null;
        PasswordError = password.Length == 0 ? T["login.required"] : password.Length > MaxPassword ? T.Format("login.toolong", MaxPassword) : null;
        if (UserError is not null || PasswordError is not null)
        {
            UserName = user.Length > MaxUserName ? user[..MaxUserName] : user;
            return null;
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var wait = throttle.WaitFor(user, address);
        if (wait > TimeSpan.Zero)
        {
            Log.LoginRefused(logger, user, address, "throttled");
            FormError = T.Format("login.wait", (int)Math.Ceiling(wait.TotalSeconds));
            StatusCode = StatusCodes.Status429TooManyRequests;
            return null;
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
            FormError = wrong ? T["login.wrong"]
                : !attempt.Refused ? T["login.broker"]
                : problem.Contains(nameof(MQTTnet.MqttClientConnectResultCode.QuotaExceeded), StringComparison.Ordinal) ? T.Format("login.quota", BrokerReason(problem))
                : T.Format("login.refused", BrokerReason(problem));
            UserName = user;
            StatusCode = wrong ? StatusCodes.Status401Unauthorized : StatusCodes.Status503ServiceUnavailable;
            return null;
        }

        throttle.Succeeded(user, address);
        var role = options.Value.RoleOf(user);
        if (role is null)
        {
            await connection.DisposeAsync();
            Log.LoginRefused(logger, user, address, "no panel role");
            FormError = T["login.norole"];
            StatusCode = StatusCodes.Status403Forbidden;
            return null;
        }

        var session = sessions.Add(user, role.Value, connection);
        if (session is null)
        {
            await connection.DisposeAsync();
            FormError = T["login.full"];
            StatusCode = StatusCodes.Status503ServiceUnavailable;
            return null;
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
        return Results.LocalRedirect(LocalUrl.OrRoot(ReturnUrl));
    }

    /// <summary>The broker's own words from MqttConnector's sentence (<c>… refused user 'x': Code (reason)</c>), else the code.</summary>
    private static string BrokerReason(string problem)
    {
        var colon = problem.IndexOf("': ", StringComparison.Ordinal);
        var tail = colon < 0 ? problem : problem[(colon + 3)..];
        var open = tail.IndexOf(" (", StringComparison.Ordinal);
        return open >= 0 && tail.EndsWith(')') ? tail[(open + 2)..^1] : tail;
    }
}
