using System.Globalization;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;

namespace MppSignage.Panel.Pages;

/// <summary>The page re-executed for 4xx/5xx answers (403 refused role, 400 missing antiforgery token, 404), with that status code.</summary>
public sealed class ProblemModel(UiText t, IOptions<PanelOptions> options) : PanelPageModel(t)
{
    /// <summary>The largest poster file, in MB (the 413 page says it).</summary>
    public string MaxUploadMegabytes => (options.Value.MaxUploadBytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);

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
