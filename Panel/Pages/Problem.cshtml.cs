using System.Globalization;
using MppSignage.Panel.Text;

namespace MppSignage.Panel.Pages;

/// <summary>The page re-executed for 4xx/5xx answers (403 refused role, 400 missing antiforgery token, 404), with that status code.</summary>
public sealed class ProblemModel(UiText t) : PanelPageModel(t)
{
    /// <summary>The status code shown.</summary>
    public int Code { get; private set; }

    /// <inheritdoc />
    public override string Title => Code == 403 ? T["forbidden.title"] : Code.ToString(CultureInfo.InvariantCulture);

    /// <summary>GET, and the re-execution of a refused request (with its method): <c>?code=N</c>.</summary>
    public void OnGet()
    {
        Code = int.TryParse(Query("code"), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 400 and < 600 ? code : 404;
        StatusCode = Code;
    }
}
