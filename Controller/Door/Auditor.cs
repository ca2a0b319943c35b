using System.Text.Json;
using Microsoft.Extensions.Logging;
using MppSignage.Controller.Hosting;
using MppSignage.Controller.Mqtt;
using MppSignage.Controller.State;
using MppSignage.Shared.Mqtt;

namespace MppSignage.Controller.Door;

/// <summary>Records who did what: one line in the local journal and one message on the events topic.</summary>
internal sealed class Auditor(StateStore store, ControllerOutbox outbox, TopicsProvider topics, ILogger<Auditor> logger)
{
    public void Record(EventMessage entry, byte[]? correlation = null)
    {
        try
        {
            store.AppendJournal(entry);
        }
        catch (IOException ex)
        {
            // A full or read-only disk must not stop the door; the event still goes out on MQTT.
            Log.JournalFailed(logger, ex.Message);
        }

        outbox.Publish(topics.Topics.Events, JsonSerializer.SerializeToUtf8Bytes(entry, MqttJsonContext.Wire.EventMessage), correlation);
    }
}
