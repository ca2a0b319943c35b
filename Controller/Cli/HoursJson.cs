using System.Buffers;
using System.Text.Json;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Wire;
using NodaTime;

namespace MppSignage.Controller.Cli;

/// <summary>The JSON the hours verbs print (one object per line, relaxed escaping for readable Indonesian).</summary>
internal static class HoursJson
{
    /// <summary>Writer options shared by every hours verb.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // Output is read by scripts and people on a terminal, never embedded in HTML.
        Encoder = WireJson.Encoder,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary><c>{"state":…,"comment":…,"nextChange":…}</c> of <c>hours eval</c>.</summary>
    public static void WriteEval(Utf8JsonWriter w, OpeningHoursResult result, LocalDateTime? nextChange, DateTimeZone zone)
    {
        w.WriteStartObject();
        w.WriteString("state", WireName.Of(result.State));
        WriteNullable(w, "comment", result.Comment);
        if (nextChange is { } n)
        {
            // The batch writes millions of these: formatted into a stack buffer, not a string.
            Span<char> text = stackalloc char[64];
            w.WriteString("nextChange", text[..IsoTime.Format(n, zone, text)]);
        }
        else
        {
            w.WriteNull("nextChange");
        }
        w.WriteEndObject();
    }

    /// <summary><c>{"error":…}</c>.</summary>
    public static void WriteError(Utf8JsonWriter w, string message)
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    }

    /// <summary>The full evaluation of <c>hours state</c>.</summary>
    public static void WriteState(Utf8JsonWriter w, Schedule schedule, Instant at, ScheduleEvaluation e)
    {
        var zone = schedule.Zone;
        w.WriteStartObject();
        w.WriteString("at", IsoTime.Format(at, zone));
        w.WriteString("state", WireName.Of(e.State));
        w.WriteString("reason", WireName.Of(e.Reason));
        WriteNullable(w, "name", e.Name);
        WriteNullable(w, "comment", e.Comment);
        WriteInstant(w, "since", e.Since, zone);
        WriteInstant(w, "nextChange", e.NextChange, zone);
        WriteInstant(w, "closesAt", e.ClosesAt, zone);
        WriteInstant(w, "opensAt", e.OpensAt, zone);
        w.WriteStartArray("todayHours");
        foreach (var i in e.TodayHours)
        {
            w.WriteStringValue(DaySpan(i, zone));
        }

        w.WriteEndArray();
        WriteNullable(w, "source", e.Source);
        w.WriteString("timeZone", zone.Id);
        w.WriteEndObject();
    }

    /// <summary>Serialises with <paramref name="write"/> into a string (for single-object outputs).</summary>
    public static string ToText(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(w);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary><c>08:00-14:00</c> (site-local; an interval reaching the next midnight ends <c>24:00</c>).</summary>
    public static string DaySpan(Interval interval, DateTimeZone zone) => ScheduleFormat.DaySpan(interval, zone);

    private static void WriteInstant(Utf8JsonWriter w, string name, Instant? value, DateTimeZone zone) =>
        WriteNullable(w, name, value is { } v ? IsoTime.Format(v, zone) : null);

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
