namespace MppSignage.Panel.Hosting;

/// <summary>Where a <c>returnUrl</c> may send the browser: only a path of this panel (no open redirect).</summary>
public static class LocalUrl
{
    /// <summary>True for <c>/path</c> (not <c>//host</c> nor <c>/\host</c>) — the rule of ASP.NET Core's <c>IsLocalUrl</c>.</summary>
    public static bool Is(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary><paramref name="url"/> when it is local, else <c>/</c>.</summary>
    public static string OrRoot(string? url) => Is(url) ? url! : "/";
}
