using System.Text.Json;
using MppSignage.Controller.State;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Mqtt;

/// <summary>
/// <c>mpp/{site}/history/get</c> (staff, admin): one page of the journal, newest first, so the panel's
/// history includes every path (panel, CLI, button, MQTT apps, expiry) and survives panel restarts.
/// </summary>
internal sealed class HistoryRequestHandler(StateStore store) : IMqttRequestHandler
{
    private static readonly string[] Fields = ["before", "limit"];

    public IEnumerable<string> TopicsFor(Topics topics) => [topics.HistoryGet];

    public byte[] Handle(MqttCommand request) => JsonSerializer.SerializeToUtf8Bytes(Page(request.Payload.Span), MqttJsonContext.Wire.HistoryPage);

    internal HistoryPage Page(ReadOnlySpan<byte> payload)
    {
        HistoryRequest? parsed = null;
        string? problem = null;
        if (payload.IsEmpty)
        {
            parsed = new HistoryRequest();
        }
        else if (CommandPayload.TryOpenObject(payload, Fields, out var doc) is { } refused)
        {
            problem = $"{refused.Field}: {refused.Error}";
        }
        else
        {
            using (doc)
            {
                try
                {
                    parsed = doc!.RootElement.Deserialize(MqttJsonContext.Wire.HistoryRequest);
                }
                catch (JsonException ex)
                {
                    problem = "payload: " + ex.Message;
                }
            }
        }

        if (parsed is not null && parsed.Limit is < 1 or > HistoryRequest.MaxLimit)
        {
            problem = $"limit: {parsed.Limit} must be 1-{HistoryRequest.MaxLimit}";
        }
        else if (parsed is not null && parsed.Before is < 0)
        {
            problem = $"before: {parsed.Before} must be 0 or more";
        }

        var journal = store.ReadJournal();
        if (problem is not null || parsed is null)
        {
            return new HistoryPage { Items = [], Total = journal.Count, Error = problem ?? "payload: expected {\"before\":N,\"limit\":N}" };
        }

        var end = (int)Math.Min(parsed.Before ?? journal.Count, journal.Count);
        var start = Math.Max(0, end - (parsed.Limit ?? HistoryRequest.DefaultLimit));
        var items = new List<EventMessage>(end - start);
        for (var i = end - 1; i >= start; i--)
        {
            items.Add(journal[i]);
        }

        return new HistoryPage { Items = items, Total = journal.Count, Next = start > 0 ? start : null };
    }
}
