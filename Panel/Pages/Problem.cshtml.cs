using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MppSignage.Panel.Pages;

/// <summary>The page re-executed for 4xx/5xx answers (403 refused role, 400 missing antiforgery token, 404).</summary>
[IgnoreAntiforgeryToken]
public sealed class ProblemModel : PageModel
{
    /// <summary>The status code shown.</summary>
    public int Code { get; private set; }

    /// <summary>GET (and the re-execution of a refused POST).</summary>
    public void OnGet(int code) => Code = code is >= 400 and < 600 ? code : 404;

    /// <summary>Re-execution of a refused POST keeps its method.</summary>
    public void OnPost(int code) => OnGet(code);
}
