using System.Text.Json;
using Microsoft.Extensions.Options;
using MppSignage.Panel.Live;
using MppSignage.Panel.Options;
using MppSignage.Panel.Text;
using MppSignage.Shared.Mqtt;
using NodaTime;

namespace MppSignage.Panel.Pages;

/// <summary>
/// History (staff, admin): who did what, when, through which path, and the result — a page of the
/// controller's journal, asked for over request/response, so it includes actions made elsewhere and
/// survives panel restarts.
/// </summary>
public sealed class HistoryModel(IOptions<PanelOptions> options, TimeProvider time, UiText t) : PanelPageModel(t)
{
    /// <inheritdoc />
    public override string Title => T["hist.title"];

    /// <summary>The page's entries, newest first.</summary>
    public IReadOnlyList<EventMessage> Items { get; private set; } = [];

    /// <summary>The position of the next (older) page.</summary>
    public long? Next { get; private set; }

    /// <summary>The position this page started before.</summary>
    public long? Before { get; private set; }

    /// <summary>Journal size in words.</summary>
    public string Total { get; private set; } = "";

    /// <summary>Why no page could be shown.</summary>
    public string? Problem { get; private set; }

    /// <summary>Asks the controller for one page.</summary>
    public async Task OnGetAsync()
    {
        Before = long.TryParse(Query("before"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var before) ? before : null;
        var request = new HistoryRequest { Before = Before, Limit = HistoryRequest.DefaultLimit };
        var c = Session.Connection;
        var (answer, problem) = await c.RequestAsync(c.Topics.HistoryGet, JsonSerializer.SerializeToUtf8Bytes(request, MqttJsonContext.Wire.HistoryRequest), TimeSpan.FromSeconds(options.Value.CommandTimeoutSeconds), HttpContext.RequestAborted);
        if (answer is null)
        {
            Problem = T["ovr." + problem];
            return;
        }

        try
        {
            var page = JsonSerializer.Deserialize(answer, MqttJsonContext.Wire.HistoryPage);
            if (page?.Error is { } error)
            {
                Problem = error;
                return;
            }

            Items = page?.Items ?? [];
            Next = page?.Next;
            Total = T.English ? $"{page?.Total} entries in the journal" : $"{page?.Total} catatan di jurnal";
        }
        catch (JsonException ex)
        {
            Problem = ex.Message;
        }
    }

    /// <summary>When, site-local.</summary>
    public string When(EventMessage e) => StatusView.Local(e.At, DateTimeZoneProviders.Tzdb[options.Value.TimeZone], Instant.FromDateTimeOffset(time.GetUtcNow())) ?? e.At;

    /// <summary>What happened, in words.</summary>
    public string What(EventMessage e) => e.Type switch
    {
        "command-result" => e.Topic?.Split('/').Skip(2).Aggregate((a, b) => a + "/" + b) ?? e.Type,
        "override" => $"override {e.State}{(e.Until is null ? "" : " → " + When(e with { At = e.Until }))}{(e.Reason is null ? "" : $" \u201c{e.Reason}\u201d")}{(e.Detail is null ? "" : $" ({e.Detail})")}",
        _ => $"{e.Type} {e.State} {e.Detail}".Trim(),
    };
}
