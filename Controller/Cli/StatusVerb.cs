using System.CommandLine;
using System.Text;
using System.Text.Json;
using MppSignage.Shared.Mqtt;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Controller.Cli;

/// <summary>
/// <c>mpp-controller status [--json]</c>: prints the controller's retained status (and availability) readably.
/// Exit codes: 0 printed, 1 no status within the timeout or connection problem, 2 bad arguments.
/// </summary>
public static class StatusVerb
{
    /// <summary>The <c>status</c> command.</summary>
    public static Command Create() => Create(Console.Out, Console.Error);

    /// <summary>For tests: output and error writers are passed in.</summary>
    internal static Command Create(TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "print the raw status JSON" };
        var cmd = new Command("status", "Print the door status the controller publishes (retained).") { json };
        CliSettings.AddTo(cmd);
        cmd.SetAction((parse, ct) => RunAsync(parse, parse.GetValue(json), output, error, ct));
        return cmd;
    }

    internal static async Task<int> RunAsync(ParseResult parse, bool raw, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var (settings, problem) = CliSettings.From(parse);
        if (settings is null)
        {
            error.WriteLine($"status: {problem}");
            return 2;
        }

        return await settings.WithBrokerAsync("status", error,
            topics => $"no retained status on {topics.Status} within {settings.Timeout.TotalSeconds:0} s (has the controller ever run on this broker?)",
            async (client, topics, token) =>
            {
                // Availability first, so it is known when the status arrives.
                if (await settings.ReadRetainedAsync(client, topics.Status, [topics.Availability], "status", error, token) is not { } read)
                {
                    return 1;
                }

                var payload = read.Payload!;
                var availability = read.Companions.TryGetValue(topics.Availability, out var a) ? Encoding.UTF8.GetString(a) : null;
                if (raw)
                {
                    output.WriteLine(Encoding.UTF8.GetString(payload));
                    return 0;
                }

                StatusMessage? message;
                try
                {
                    message = JsonSerializer.Deserialize(payload, MqttJsonContext.Wire.StatusMessage);
                }
                catch (JsonException ex)
                {
                    error.WriteLine($"status: the retained status is not valid JSON ({ex.Message})");
                    return 1;
                }

                if (message is null)
                {
                    error.WriteLine("status: the retained status is empty");
                    return 1;
                }

                Print(output, settings.Site, message, availability);
                return 0;
            }, ct);
    }

    internal static void Print(TextWriter o, string site, StatusMessage s, string? availability)
    {
        var headline = s.Phase switch
        {
            "closing-soon" => "OPEN — closing soon",
            "open" => "OPEN",
            _ => "CLOSED",
        };
        o.WriteLine($"{site}: {headline}   (controller {availability ?? "availability unknown"})");
        o.WriteLine($"  mode        {s.Mode}{(s.Override is { } ov ? $": {ov.State} until {When(ov.Until)} by {ov.By}{(ov.Reason is null ? "" : $" — {ov.Reason}")}" : "")}");
        o.WriteLine($"  reason      {s.Reason}{(s.Name is null ? "" : $" ({s.Name})")}");
        if (s.Message is not null)
        {
            o.WriteLine($"  message     {s.Message}");
        }

        o.WriteLine($"  since       {When(s.Since)}");
        if (s.ClosesAt is not null)
        {
            o.WriteLine($"  closes at   {When(s.ClosesAt)}");
        }

        if (s.OpensAt is not null)
        {
            o.WriteLine($"  opens at    {When(s.OpensAt)}");
        }

        o.WriteLine($"  next change {When(s.NextChange)}");
        o.WriteLine($"  today       {(s.TodayHours is { Count: > 0 } h ? string.Join(", ", h) : "closed all day")}");
        o.WriteLine($"  relay       {s.Relay}");
        o.WriteLine($"  clock       {(s.ClockSynced ? "synchronised" : "NOT synchronised")}");
        o.WriteLine($"  updated     {When(s.UpdatedAt)}{(s.TimeZone is null ? "" : $" ({s.TimeZone})")}");
    }

    // Site time with its offset (Mon 2024-07-01 14:00 +07:00): staff read WIB, and the offset says so.
    private static readonly OffsetDateTimePattern SiteTime = OffsetDateTimePattern.CreateWithInvariantCulture("ddd uuuu-MM-dd HH:mm o<+HH:mm>");

    private static string When(string? iso)
    {
        if (iso is null)
        {
            return "-";
        }

        return IsoTime.TryParse(iso, out var parsed)
            ? SiteTime.Format(parsed)
            : iso;
    }
}
