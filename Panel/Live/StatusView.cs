using System.Text.Json.Serialization;
using MppSignage.Panel.Text;
using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Panel.Live;

/// <summary>
/// What the status page shows, as words: built once from the retained status, used by the page and by
/// the live (SSE) updates, so both say the same thing.
/// </summary>
public sealed record StatusView
{
    /// <summary><c>open</c>, <c>closed</c> or <c>unknown</c> (the colour of the big sign).</summary>
    [JsonPropertyName("code")] public required string Code { get; init; }

    /// <summary>BUKA / TUTUP.</summary>
    [JsonPropertyName("state")] public required string State { get; init; }

    /// <summary>Phase in words.</summary>
    [JsonPropertyName("phase")] public required string Phase { get; init; }

    /// <summary>Why: schedule, holiday name, override with who and until.</summary>
    [JsonPropertyName("why")] public required string Why { get; init; }

    /// <summary>Next change, site-local.</summary>
    [JsonPropertyName("next")] public required string Next { get; init; }

    /// <summary>Relay on/off.</summary>
    [JsonPropertyName("relay")] public required string Relay { get; init; }

    /// <summary>Clock synchronised yes/no.</summary>
    [JsonPropertyName("clock")] public required string Clock { get; init; }

    /// <summary>Controller online/offline.</summary>
    [JsonPropertyName("controller")] public required string Controller { get; init; }

    /// <summary>Today's opening hours.</summary>
    [JsonPropertyName("today")] public required string Today { get; init; }

    /// <summary>When the status was computed.</summary>
    [JsonPropertyName("updated")] public required string Updated { get; init; }

    private static readonly LocalDateTimePattern Full = LocalDateTimePattern.CreateWithInvariantCulture("dd-MM-yyyy HH:mm");
    private static readonly LocalTimePattern Short = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Builds the view from <paramref name="status"/> (null: nothing received yet).</summary>
    public static StatusView From(StatusMessage? status, bool? controllerOnline, DateTimeZone zone, Instant now, UiText t)
    {
        var controller = controllerOnline switch { true => t["online"], false => t["offline"], null => t["unknown"] };
        if (status is null)
        {
            return new StatusView
            {
                Code = "unknown", State = t["status.unknown"], Phase = t["none"], Why = t["none"], Next = t["none"],
                Relay = t["none"], Clock = t["none"], Controller = controller, Today = t["none"], Updated = t["none"],
            };
        }

        var why = t["reason." + status.Reason];
        if (status.Name is { Length: > 0 } name)
        {
            why += $" ({name})";
        }

        if (status.Override is { } o)
        {
            var parts = new List<string> { why };
            if (o.By is { Length: > 0 })
            {
                parts.Add(t.Format("override.by", o.By));
            }

            if (Local(o.Until, zone, now) is { } until)
            {
                parts.Add(t.Format("override.until", until));
            }

            if (o.Reason is { Length: > 0 } reason)
            {
                parts.Add($"\u201c{reason}\u201d");
            }

            why = string.Join(", ", parts);
        }

        return new StatusView
        {
            Code = status.State == "open" ? "open" : "closed",
            State = status.State == "open" ? t["status.open"] : t["status.closed"],
            Phase = t["phase." + status.Phase],
            Why = why,
            Next = Local(status.NextChange, zone, now) ?? t["none"],
            Relay = status.Relay == "on" ? t["on"] : t["off"],
            Clock = status.ClockSynced ? t["yes"] : t["no"],
            Controller = controller,
            Today = status.TodayHours is { Count: > 0 } h ? string.Join(", ", h) : t["none"],
            Updated = Local(status.UpdatedAt, zone, now) ?? t["none"],
        };
    }

    /// <summary>An ISO instant as site-local <c>HH:mm</c> (today) or <c>dd-MM-yyyy HH:mm</c>.</summary>
    public static string? Local(string? iso, DateTimeZone zone, Instant now)
    {
        if (IsoTime.Parse(iso) is not { } instant)
        {
            return null;
        }

        var local = instant.InZone(zone).LocalDateTime;
        return local.Date == now.InZone(zone).Date ? Short.Format(local.TimeOfDay) : Full.Format(local);
    }
}

/// <summary>Source-generated JSON for the panel's live events.</summary>
[JsonSerializable(typeof(StatusView))]
public sealed partial class PanelJsonContext : JsonSerializerContext;
