using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MppSignage.Panel.Tests.Support;

/// <summary>Drives the real panel over HTTP like a browser without script: GET pages, POST forms with their antiforgery token.</summary>
public static class PanelHttp
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Parses an HTML response.</summary>
    public static async Task<IDocument> HtmlAsync(this HttpResponseMessage response) => Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>GETs and parses a page.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, await response.HtmlAsync());
    }

    /// <summary>The antiforgery token of the first form of <paramref name="page"/>.</summary>
    public static string Token(IDocument page) =>
        page.QuerySelector("input[name=__af]")?.GetAttribute("value") ?? throw new InvalidOperationException("no antiforgery token in the page:\n" + page.Body?.TextContent);

    /// <summary>GETs <paramref name="formPage"/>, then POSTs <paramref name="fields"/> (with the page's token) to <paramref name="action"/>.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PostFormAsync(this HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (_, page) = await client.PageAsync(formPage);
        var all = fields.Append(new("__af", Token(page)));
        var response = await client.PostAsync(action, new FormUrlEncodedContent(all));
        return (response, await response.HtmlAsync());
    }

    /// <summary>
    /// GETs <paramref name="formPage"/>, then POSTs <paramref name="fields"/> and one file as multipart/form-data (as a
    /// browser sends the announcement editor) with the page's token to <paramref name="action"/>.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, IDocument Page)> PostMultipartAsync(this HttpClient client, string formPage, string action,
        IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, string mediaType, byte[] file)
    {
        var (_, page) = await client.PageAsync(formPage);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__af", Token(page))))
        {
            content.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        content.Add(part, fileField, fileName);
        var response = await client.PostAsync(action, content);
        return (response, await response.HtmlAsync());
    }

    /// <summary>Logs in; returns the login POST's response (302 to / on success).</summary>
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string user, string password)
    {
        var (response, _) = await client.PostFormAsync("/login", "/login", [new("UserName", user), new("Password", password)]);
        return response;
    }

    /// <summary>The text of the element matching <paramref name="selector"/>, trimmed.</summary>
    public static string Text(this IDocument page, string selector) =>
        page.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"no {selector} in the page:\n{page.Body?.TextContent}");
}
